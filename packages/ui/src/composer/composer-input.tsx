/** @jsxImportSource ../jsx */
'use client';
import { composeEventHandlers, useComposedRefs } from 'radix-ui/internal';
import * as React from 'react';
import { useComposerContext } from './composer-context.ts';

/* -------------------------------------------------------------------------------------------------
 * Input
 * -----------------------------------------------------------------------------------------------*/

export type ComposerInputProps = Omit<React.ComponentProps<'textarea'>, 'value' | 'defaultValue'>;

// Safari and older IMEs report the Enter that confirms a composition as keyCode 229 after
// compositionend, with isComposing already false.
const IME_KEY_CODE = 229;

/**
 * The draft: Enter sends, Shift+Enter breaks the line, and an Enter that confirms an IME
 * composition (Japanese, Chinese, Korean input) never sends.
 */
export function ComposerInput({
  ref,
  onKeyDown,
  onChange,
  onCompositionStart,
  onCompositionEnd,
  ...props
}: ComposerInputProps) {
  const context = useComposerContext('Composer.Input');
  const composing = React.useRef(false);
  const refs = useComposedRefs(ref, context.inputRef);
  return (
    <textarea
      ref={refs}
      id={context.inputId}
      data-slot="composer-input"
      aria-label="Message"
      placeholder="Write a message…"
      rows={1}
      enterKeyHint="send"
      disabled={context.disabled}
      {...props}
      value={context.value}
      onChange={composeEventHandlers(onChange, (event) => context.setValue(event.currentTarget.value))}
      onCompositionStart={composeEventHandlers(onCompositionStart, () => {
        composing.current = true;
      })}
      onCompositionEnd={composeEventHandlers(onCompositionEnd, () => {
        composing.current = false;
      })}
      onKeyDown={composeEventHandlers(onKeyDown, (event) => {
        if (event.key !== 'Enter' || event.shiftKey) return;
        if (composing.current || event.nativeEvent.isComposing || event.keyCode === IME_KEY_CODE) return;
        event.preventDefault();
        context.submit();
      })}
    />
  );
}
