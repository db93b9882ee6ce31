/** @jsxImportSource ../jsx */
'use client';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';

// Long enough to read "Copied", short enough that a second copy is not confusing.
const COPIED_RESET_MS = 2000;

/** Where a copy stands: not yet (or a while ago), just copied, or refused by the browser. */
export type CopyState = 'idle' | 'copied' | 'failed';

export interface CopyButtonProps extends Omit<React.ComponentProps<'button'>, 'value' | 'children'> {
  /** The text put on the clipboard. */
  value: string;
  /** Accessible name before copying; must start with the visible text. Default "Copy". */
  label?: string | undefined;
  /** Called after the text reached the clipboard. */
  onCopied?: ((value: string) => void) | undefined;
  asChild?: boolean | undefined;
  /** What the button shows; a function gets the state (an icon that turns to a check once copied). */
  children?: React.ReactNode | ((state: CopyState) => React.ReactNode);
}

/**
 * A button that copies `value` to the clipboard and says "Copied" for two seconds.
 * `data-state` is `idle`, `copied` or `failed`.
 *
 * @example
 * <CopyButton value={code} label="Copy code" />
 */
export function CopyButton({
  value,
  label = 'Copy',
  onCopied,
  onClick,
  asChild,
  children,
  ...props
}: CopyButtonProps) {
  const [state, setState] = React.useState<CopyState>('idle');
  React.useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPIED_RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const handleClick = () => {
    navigator.clipboard.writeText(value).then(
      () => {
        setState('copied');
        onCopied?.(value);
      },
      () => setState('failed'),
    );
  };
  const Component = asChild ? Slot.Root : 'button';
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label;
  return (
    <Component
      type={asChild ? undefined : 'button'}
      data-slot="copy-button"
      data-state={state}
      aria-label={text}
      {...props}
      onClick={composeEventHandlers(onClick, handleClick)}
    >
      {typeof children === 'function' ? children(state) : (children ?? (state === 'idle' ? 'Copy' : text))}
    </Component>
  );
}
