'use client';
import type { ChatMessage } from '@parley/client/chat';
import { Collapsible, Slot } from 'radix-ui';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import { ContentParts } from '../content-parts/content-parts.tsx';
import * as ReasoningPanel from '../reasoning-panel/reasoning-panel.tsx';
import { type ToolCallRenderers, ToolCallView } from '../tool-call/tool-call-view.tsx';
import { MessageContext, ROLE_LABELS, useMessageContext } from './message-context.ts';
import { messageDetails } from './message-details.ts';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface MessageRootProps extends React.ComponentProps<'article'> {
  message: ChatMessage;
  /** Whether the message is being edited (controlled); pair with `onEditingChange`. */
  editing?: boolean;
  defaultEditing?: boolean;
  onEditingChange?: (editing: boolean) => void;
}

/**
 * One message, any role. Stamps `data-role` and `data-status` and gives its parts the message.
 *
 * @example
 * <Message.Root message={message}>
 *   <Message.Author /> <Message.Content /> <Message.Status onRetry={retry} />
 * </Message.Root>
 */
export function MessageRoot({
  message,
  editing: editingProp,
  defaultEditing = false,
  onEditingChange,
  ...props
}: MessageRootProps) {
  const [editing, setEditing] = useControllableState({
    prop: editingProp,
    defaultProp: defaultEditing,
    onChange: onEditingChange,
    caller: 'Message',
  });
  const editTriggerRef = React.useRef<HTMLButtonElement>(null);
  const context = React.useMemo(
    () => ({ message, editing, setEditing, editTriggerRef }),
    [message, editing, setEditing],
  );
  return (
    <MessageContext.Provider value={context}>
      <article
        data-slot="message"
        data-role={message.role}
        data-status={message.status}
        data-editing={editing ? '' : undefined}
        aria-label={message.role === 'user' ? 'Your message' : `${ROLE_LABELS[message.role]} message`}
        {...props}
      />
    </MessageContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Author, Meta
 * -----------------------------------------------------------------------------------------------*/

/** Who wrote the message: "You", "Assistant", "Tool"... */
export function MessageAuthor({ children, ...props }: React.ComponentProps<'span'>) {
  const { message } = useMessageContext('Author');
  return (
    <span data-slot="message-author" {...props}>
      {children ?? message.name ?? ROLE_LABELS[message.role]}
    </span>
  );
}

/** Which model answered and which provider served it; nothing when unknown. */
export function MessageMeta(props: React.ComponentProps<'span'>) {
  const { message } = useMessageContext('Meta');
  if (!message.model && !message.provider) return null;
  return (
    <span data-slot="message-meta" {...props}>
      {message.model ? <span data-slot="message-model">{message.model}</span> : null}
      {message.model && message.provider ? ' via ' : null}
      {message.provider ? <span data-slot="message-provider">{message.provider}</span> : null}
    </span>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Content, Reasoning, ToolCalls
 * -----------------------------------------------------------------------------------------------*/

export interface MessageContentProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /** Renderers by part type, merged over the defaults. */
  components?: Partial<ContentPartComponents>;
}

/** The message's parts, one renderer per type. Hidden while the message is edited. */
export function MessageContent({ components, ...props }: MessageContentProps) {
  const { message, editing } = useMessageContext('Content');
  if (editing || message.parts.length === 0) return null;
  return (
    <ContentParts
      data-slot="message-content"
      parts={message.parts}
      messageRole={message.role}
      streaming={message.status === 'streaming'}
      components={components}
      {...props}
    />
  );
}

/** The reasoning panel, open while the model reasons; nothing for a message without reasoning. */
export function MessageReasoning(
  props: Omit<ReasoningPanel.ReasoningPanelRootProps, 'reasoning' | 'streaming'>,
) {
  const { message } = useMessageContext('Reasoning');
  const { reasoning } = message;
  if (!reasoning || (reasoning.text === '' && reasoning.details.length === 0)) return null;
  // The core stamps `durationMs` when the first answer token or tool call ends the reasoning.
  const streaming = message.status === 'streaming' && reasoning.durationMs === undefined;
  return (
    <ReasoningPanel.Root
      reasoning={reasoning}
      streaming={streaming}
      reasoningTokens={message.usage?.completion_tokens_details?.reasoning_tokens ?? undefined}
      {...props}
    >
      <ReasoningPanel.Trigger />
      <ReasoningPanel.Content />
    </ReasoningPanel.Root>
  );
}

export interface MessageToolCallsProps extends React.ComponentProps<'div'> {
  renderers?: ToolCallRenderers;
  onApprove?: (toolCallId: string) => void;
  onDeny?: (toolCallId: string) => void;
}

/** The message's tool calls, each with its state, arguments and result. */
export function MessageToolCalls({ renderers, onApprove, onDeny, ...props }: MessageToolCallsProps) {
  const { message } = useMessageContext('ToolCalls');
  if (!message.toolCalls?.length) return null;
  return (
    <div data-slot="message-tool-calls" {...props}>
      {message.toolCalls.map((toolCall) => (
        <ToolCallView
          key={toolCall.id}
          toolCall={toolCall}
          renderers={renderers}
          onApprove={onApprove}
          onDeny={onDeny}
        />
      ))}
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Status
 * -----------------------------------------------------------------------------------------------*/

export interface MessageStatusProps extends React.ComponentProps<'div'> {
  /** Offered as a Retry button when the message ended in an error. */
  onRetry?: () => void;
}

const STATUS_TEXT: Partial<Record<ChatMessage['status'], string>> = {
  pending: 'Waiting for the reply…',
  streaming: 'Writing…',
  aborted: 'Stopped. The reply above is partial.',
};

/**
 * How the message came to rest when that is worth saying: waiting, writing, stopped, cut short,
 * or failed (with Retry). Nothing for a complete message.
 */
export function MessageStatus({ onRetry, children, ...props }: MessageStatusProps) {
  const { message } = useMessageContext('Status');
  let text = STATUS_TEXT[message.status];
  if (message.status === 'incomplete') {
    text =
      message.finishReason === 'length'
        ? 'Cut short: the reply reached its length limit.'
        : 'Incomplete: the connection ended before the reply did.';
  }
  if (message.status === 'error') text = message.error?.message ?? 'The reply failed.';
  // A tool loop stopped at a limit: the reply is fine, but the person should know why it ended.
  if (message.status === 'complete' && message.notice) text = message.notice.message;
  if (text === undefined && children === undefined) return null;
  return (
    <div data-slot="message-status" data-status={message.status} {...props}>
      {children ?? (
        <>
          <span data-slot="message-status-text">{text}</span>
          {message.status === 'error' && onRetry ? <MessageRetry onClick={onRetry} /> : null}
        </>
      )}
    </div>
  );
}

/** Retries the failed reply. */
export function MessageRetry({
  asChild,
  children,
  ...props
}: React.ComponentProps<'button'> & { asChild?: boolean }) {
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component type={asChild ? undefined : 'button'} data-slot="message-retry" {...props}>
      {children ?? 'Retry'}
    </Component>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Details
 * -----------------------------------------------------------------------------------------------*/

export interface MessageDetailsProps extends React.ComponentProps<typeof Collapsible.Root> {
  /** The toggle's text. Default "Details". */
  label?: string;
}

/** Timing and usage on demand: a "Details" toggle revealing a description list. */
export function MessageDetails({ label = 'Details', ...props }: MessageDetailsProps) {
  const { message } = useMessageContext('Details');
  const details = messageDetails(message);
  if (details.length === 0) return null;
  return (
    <Collapsible.Root data-slot="message-details" {...props}>
      <Collapsible.Trigger data-slot="message-details-trigger">{label}</Collapsible.Trigger>
      <Collapsible.Content asChild>
        <dl data-slot="message-details-list">
          {details.map((detail) => (
            <div key={detail.label} data-slot="message-detail">
              <dt>{detail.label}</dt>
              <dd>{detail.value}</dd>
            </div>
          ))}
        </dl>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}

export {
  MessageActions as Actions,
  MessageActions,
  MessageBranchPicker as BranchPicker,
  MessageBranchPicker,
  type MessageBranchPickerProps,
  MessageCopyAction as CopyAction,
  MessageCopyAction,
  MessageDeleteAction as DeleteAction,
  MessageDeleteAction,
  MessageEditAction as EditAction,
  MessageEditAction,
  MessageEditor as Editor,
  MessageEditor,
  type MessageEditorProps,
  MessageRegenerateAction as RegenerateAction,
  MessageRegenerateAction,
} from './message-actions.tsx';
export {
  MessageAuthor as Author,
  MessageContent as Content,
  MessageDetails as Details,
  MessageMeta as Meta,
  MessageReasoning as Reasoning,
  MessageRetry as Retry,
  MessageRoot as Root,
  MessageStatus as Status,
  MessageToolCalls as ToolCalls,
};
