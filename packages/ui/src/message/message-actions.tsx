/** @jsxImportSource ../jsx */
'use client';
import { type ChatPart, getMessageText } from '@parley/client/chat';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import {
  CheckIcon,
  ChevronLeftIcon,
  ChevronRightIcon,
  CopyIcon,
  DeleteIcon,
  EditIcon,
  RegenerateIcon,
} from '../icons.tsx';
import { CopyButton, type CopyButtonProps, type CopyState } from '../markdown/copy-button.tsx';
import { withTooltip } from '../tooltip.tsx';
import { useMessageContext } from './message-context.ts';

// `slot` names the part (`data-slot`), so the HTML attribute of that name is not taken.
type ButtonProps = Omit<React.ComponentProps<'button'>, 'slot'> & { asChild?: boolean | undefined };

// An icon button named by `label` (its accessible name and its tooltip); children replace the icon. A
// function, not a component: a row's buttons are the action's own elements, not one more component each.
function actionButton({
  asChild,
  slot,
  label,
  icon,
  children,
  ...props
}: ButtonProps & { slot: string; label: string; icon: React.ReactNode }) {
  const Component = asChild ? Slot.Root : 'button';
  return withTooltip(
    label,
    <Component
      type={asChild ? undefined : 'button'}
      data-slot={slot}
      aria-label={children === undefined ? label : undefined}
      {...props}
    >
      {children ?? icon}
    </Component>,
  );
}

/* -------------------------------------------------------------------------------------------------
 * Actions
 * -----------------------------------------------------------------------------------------------*/

/** The row of message actions: a labelled group, hidden while the message streams or is edited. */
export function MessageActions(props: React.ComponentProps<'div'>) {
  const { message, editing } = useMessageContext('Actions');
  if (editing || message.status === 'streaming' || message.status === 'pending') return null;
  // A group of buttons, not form fields: a fieldset would say the wrong thing.
  // biome-ignore lint/a11y/useSemanticElements: see above
  return <div role="group" aria-label="Message actions" data-slot="message-actions" {...props} />;
}

// The actions' icons, made once: every row shows the same elements (see icons.tsx).
const COPY = CopyIcon({ 'data-icon': 'copy' } as React.ComponentProps<'svg'>);
const COPIED = CheckIcon({ 'data-icon': 'copied' } as React.ComponentProps<'svg'>);
const REGENERATE = RegenerateIcon();
const DELETE = DeleteIcon();
const EDIT = EditIcon();
const PREVIOUS = ChevronLeftIcon();
const NEXT = ChevronRightIcon();
const copyIcon = (state: CopyState) => (state === 'copied' ? COPIED : COPY);

/** Copies the message's text; its icon turns to a check once copied. */
export function MessageCopyAction(props: Omit<CopyButtonProps, 'value'>) {
  const { message } = useMessageContext('CopyAction');
  return withTooltip(
    'Copy message',
    <CopyButton data-slot="message-copy" value={getMessageText(message)} label="Copy message" {...props}>
      {props.children ?? copyIcon}
    </CopyButton>,
  );
}

/** Asks for a new reply in place of this one; the old one stays reachable through the branch picker. */
export function MessageRegenerateAction({
  onRegenerate,
  onClick,
  children,
  ...props
}: ButtonProps & { onRegenerate?: (messageId: string) => void }) {
  const context = useMessageContext('RegenerateAction');
  const regenerate = onRegenerate ?? context.onRegenerate;
  return actionButton({
    slot: 'message-regenerate',
    label: 'Regenerate',
    icon: REGENERATE,
    ...props,
    onClick: composeEventHandlers(onClick, () => regenerate?.(context.message.id)),
    children,
  });
}

/** Removes the message. */
export function MessageDeleteAction({
  onDelete,
  onClick,
  children,
  ...props
}: ButtonProps & { onDelete?: (messageId: string) => void }) {
  const context = useMessageContext('DeleteAction');
  const remove = onDelete ?? context.onDelete;
  return actionButton({
    slot: 'message-delete',
    label: 'Delete',
    icon: DELETE,
    ...props,
    onClick: composeEventHandlers(onClick, () => remove?.(context.message.id)),
    children,
  });
}

/** Starts editing the message (see `Message.Editor`). */
export function MessageEditAction({ onClick, children, ref, ...props }: ButtonProps) {
  const { setEditing, editTriggerRef } = useMessageContext('EditAction');
  const setRefs = (node: HTMLButtonElement | null) => {
    editTriggerRef.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };
  return actionButton({
    slot: 'message-edit',
    label: 'Edit',
    icon: EDIT,
    ref: setRefs,
    ...props,
    onClick: composeEventHandlers(onClick, () => setEditing(true)),
    children,
  });
}

/* -------------------------------------------------------------------------------------------------
 * Editor
 * -----------------------------------------------------------------------------------------------*/

export interface MessageEditorProps extends Omit<React.ComponentProps<'form'>, 'onSubmit'> {
  /** The edited parts: the text replaced, other parts (images, audio) kept. Defaults to the root's `onEdit`. */
  onSave?: ((messageId: string, parts: ChatPart[]) => void) | undefined;
  onCancel?: (() => void) | undefined;
}

/**
 * The message's text in a textarea with Save and Cancel, shown only while editing. Escape cancels;
 * focus goes back to the Edit button afterwards.
 */
export function MessageEditor({ onSave: onSaveProp, onCancel, ...props }: MessageEditorProps) {
  const { message, editing, setEditing, editTriggerRef, onEdit } = useMessageContext('Editor');
  const onSave = onSaveProp ?? onEdit;
  const [draft, setDraft] = React.useState(() => getMessageText(message));
  const id = React.useId();
  const close = () => {
    setEditing(false);
    // After the editor unmounts, so focus is not lost to the body.
    requestAnimationFrame(() => editTriggerRef.current?.focus());
  };
  if (!editing) return null;
  return (
    <form
      data-slot="message-editor"
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        const others = message.parts.filter((part) => part.type !== 'text');
        onSave?.(message.id, [{ type: 'text', text: draft }, ...others]);
        close();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel?.();
          close();
        }
      }}
    >
      <label htmlFor={id} data-slot="message-editor-label">
        Edit message
      </label>
      <textarea
        id={id}
        data-slot="message-editor-input"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text
        autoFocus
        rows={Math.min(12, Math.max(2, draft.split('\n').length))}
      />
      <div data-slot="message-editor-actions">
        <button type="submit" data-slot="message-editor-save" disabled={draft.trim() === ''}>
          Save and send
        </button>
        <button
          type="button"
          data-slot="message-editor-cancel"
          onClick={() => {
            onCancel?.();
            close();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/* -------------------------------------------------------------------------------------------------
 * BranchPicker
 * -----------------------------------------------------------------------------------------------*/

export interface MessageBranchPickerProps extends React.ComponentProps<'div'> {
  /** Which version is shown and how many exist, as `useChatBranch` gives it. Defaults to the root's `branch`. */
  branch?: { index: number; count: number } | undefined;
  onSwitch?: ((messageId: string, index: number) => void) | undefined;
}

/** "Previous version", "2 / 3", "Next version", when a message has more than one version. */
export function MessageBranchPicker({
  branch: branchProp,
  onSwitch: onSwitchProp,
  ...props
}: MessageBranchPickerProps) {
  const { message, ...context } = useMessageContext('BranchPicker');
  const branch = branchProp ?? context.branch;
  const onSwitch = onSwitchProp ?? context.onSwitchBranch;
  if (!branch || branch.count < 2) return null;
  const { index, count } = branch;
  return (
    // biome-ignore lint/a11y/useSemanticElements: two buttons and a count, not form fields
    <div role="group" aria-label="Versions" data-slot="message-branch-picker" {...props}>
      <button
        type="button"
        data-slot="message-branch-previous"
        aria-label="Previous version"
        disabled={index === 0}
        onClick={() => onSwitch?.(message.id, index - 1)}
      >
        {PREVIOUS}
      </button>
      <span data-slot="message-branch-count" aria-live="polite">{`${index + 1} / ${count}`}</span>
      <button
        type="button"
        data-slot="message-branch-next"
        aria-label="Next version"
        disabled={index === count - 1}
        onClick={() => onSwitch?.(message.id, index + 1)}
      >
        {NEXT}
      </button>
    </div>
  );
}
