/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage } from '@parley/client/chat';
import { Collapsible, Slot } from 'radix-ui';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import { ContentParts } from '../content-parts/content-parts.tsx';
import { isNotableFinish } from '../finish-notice/finish-reasons.ts';
import { InfoIcon } from '../icons.tsx';
import * as ReasoningPanel from '../reasoning-panel/index.ts';
import * as ToolCall from '../tool-call/index.ts';
import { parsePartialToolArguments } from '../tool-call/parse-arguments.ts';
import { withTooltip } from '../tooltip.tsx';
import {
  MessageActions,
  MessageBranchPicker,
  MessageCopyAction,
  MessageDeleteAction,
  MessageEditAction,
  MessageEditor,
  MessageRegenerateAction,
} from './message-actions.tsx';
import {
  messageFailure as failure,
  type MessageCallbacks,
  MessageContext,
  type MessageContextValue,
  splitMessageCallbacks,
  useMessageContext,
} from './message-context.ts';
import { messageDetails } from './message-details.ts';
import { MessageError } from './message-error.tsx';
import { authorOf, MessageMetaOf, messageLabel, roleMark } from './message-header.tsx';
import {
  MessageDetailsExtras,
  MessageFinishNotice,
  MessageRefusal,
  MessageSources,
  MessageStructured,
  preloadDetailsOf,
  structuredSchema,
  useCitedParts,
} from './message-outcome.tsx';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface MessageRootProps extends React.ComponentProps<'article'>, MessageCallbacks {
  message: ChatMessage;
  /** Whether the message is being edited (controlled); pair with `onEditingChange`. */
  editing?: boolean | undefined;
  defaultEditing?: boolean | undefined;
  onEditingChange?: ((editing: boolean) => void) | undefined;
}

/**
 * One message, any role. Stamps `data-role` and `data-status` and gives its parts the message and
 * the callbacks. Without children it renders the default layout: author and model, reasoning,
 * content, tool calls, status, then the actions whose callbacks are given.
 *
 * @example
 * <Message.Root message={message} onRegenerate={regenerate} onRetry={retry} />
 * <Message.Root message={message}>
 *   <Message.Author /> <Message.Content /> <Message.Status />
 * </Message.Root>
 */
export function MessageRoot({
  message,
  editing: editingProp,
  defaultEditing = false,
  onEditingChange,
  children,
  ...rest
}: MessageRootProps) {
  const [callbacks, props] = splitMessageCallbacks(rest);
  const [editing, setEditing] = useControllableState({
    prop: editingProp,
    defaultProp: defaultEditing,
    onChange: onEditingChange,
    caller: 'Message',
  });
  const editTriggerRef = React.useRef<HTMLButtonElement>(null);
  // Not memoised: the root renders again only when the message or a callback changes, and then
  // its parts must too.
  const context: MessageContextValue = { ...callbacks, message, editing, setEditing, editTriggerRef };
  return (
    <MessageContext.Provider value={context}>
      <article
        data-slot="message"
        data-role={message.role}
        data-status={message.status}
        data-editing={editing ? '' : undefined}
        aria-label={messageLabel(message)}
        {...props}
      >
        {children === undefined ? <MessageDefaultLayout /> : children}
      </article>
    </MessageContext.Provider>
  );
}

// The ready assembly: a header line (role mark, author, model), then the message's parts; actions
// appear only when their callback is given, and a failed reply offers its error's action instead of
// Regenerate. A part is mounted only when the message has what it shows (each part still decides
// exactly), so a plain message is a few components rather than a dozen that render nothing: every row
// of a conversation mounts them when it opens, and a streaming reply renders them again on every token.
function MessageDefaultLayout() {
  const { message, editing, onRegenerate, onEdit, onDelete } = useMessageContext('Root');
  const isAssistant = message.role === 'assistant';
  const ended = message.status === 'incomplete' || message.status === 'error';
  return (
    <>
      <div data-slot="message-body">
        <div data-slot="message-header">
          {message.role === 'user' ? null : <MessageAvatar />}
          <MessageAuthor />
          <MessageMeta />
        </div>
        {message.reasoning ? <MessageReasoning /> : null}
        <MessageContent />
        {message.responseFormat ? <MessageStructured /> : null}
        {message.refusal ? <MessageRefusal /> : null}
        {onEdit && editing ? <MessageEditor /> : null}
        {message.toolCalls?.length ? <MessageToolCalls /> : null}
        {message.annotations?.length ? <MessageSources /> : null}
        {ended ? <MessageFinishNotice /> : null}
        {ended ? <MessageError /> : null}
        <MessageStatus />
        <MessageActions>
          {message.parts.some((part) => part.type === 'text' && part.text !== '') ? (
            <MessageCopyAction />
          ) : null}
          {isAssistant && onRegenerate && !failure(message) ? <MessageRegenerateAction /> : null}
          {message.role === 'user' && onEdit ? <MessageEditAction /> : null}
          {onDelete ? <MessageDeleteAction /> : null}
          <MessageBranchPicker />
          {isAssistant ? <MessageDetails /> : null}
        </MessageActions>
      </div>
    </>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Author, Meta
 * -----------------------------------------------------------------------------------------------*/

/** A decorative mark of who wrote the message: the assistant's spark, a tool's wrench, nothing for you. */
export function MessageAvatar({ children, ...props }: React.ComponentProps<'span'>) {
  const { message } = useMessageContext('Avatar');
  return (
    <span data-slot="message-avatar" data-role={message.role} aria-hidden="true" {...props}>
      {children ?? roleMark(message.role)}
    </span>
  );
}

/** Who wrote the message: "You", "Assistant", "Tool"... */
export function MessageAuthor({ children, ...props }: React.ComponentProps<'span'>) {
  const { message } = useMessageContext('Author');
  return (
    <span data-slot="message-author" {...props}>
      {children ?? authorOf(message)}
    </span>
  );
}

/**
 * Which model answered and which provider served it; when fallbacks were used (`models[]` or
 * provider fallbacks, as `message.route` names them), the attempts that failed first. Nothing
 * when unknown.
 */
export function MessageMeta(props: React.ComponentProps<'span'>) {
  const { message } = useMessageContext('Meta');
  return <MessageMetaOf message={message} {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * Content, Reasoning, ToolCalls
 * -----------------------------------------------------------------------------------------------*/

export interface MessageContentProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /** Renderers by part type, merged over the defaults. */
  components?: Partial<ContentPartComponents> | undefined;
}

/** The message's parts, one renderer per type. Hidden while the message is edited. */
export function MessageContent({ components, ...props }: MessageContentProps) {
  const { message, editing, components: fromRoot } = useMessageContext('Content');
  const parts = useCitedParts(message);
  // A JSON reply is Message.Structured's to show.
  if (editing || message.parts.length === 0 || structuredSchema(message) !== null) return null;
  return (
    <ContentParts
      data-slot="message-content"
      parts={parts}
      messageRole={message.role}
      streaming={message.status === 'streaming'}
      components={components ?? fromRoot}
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
    />
  );
}

export interface MessageToolCallsProps extends React.ComponentProps<'div'> {
  /** Renderers by tool name; a tool without one gets the default view. Defaults to the root's `toolRenderers`. */
  renderers?: ToolCall.ToolCallRenderers | undefined;
  onApprove?: ((toolCallId: string) => void) | undefined;
  onDeny?: ((toolCallId: string) => void) | undefined;
}

/** The message's tool calls, each with its state, arguments and result, or the renderer registered for its name. */
export function MessageToolCalls({ renderers, onApprove, onDeny, ...props }: MessageToolCallsProps) {
  const context = useMessageContext('ToolCalls');
  const { toolCalls } = context.message;
  if (!toolCalls?.length) return null;
  const byName = renderers ?? context.toolRenderers;
  const approve = onApprove ?? context.onApproveToolCall;
  const deny = onDeny ?? context.onDenyToolCall;
  return (
    <div data-slot="message-tool-calls" {...props}>
      {toolCalls.map((toolCall) => {
        const Renderer = byName && Object.hasOwn(byName, toolCall.name) ? byName[toolCall.name] : undefined;
        return (
          <ToolCall.Root key={toolCall.id} toolCall={toolCall} onApprove={approve} onDeny={deny}>
            {Renderer ? (
              <Renderer
                toolCall={toolCall}
                args={parsePartialToolArguments(toolCall.argumentsText)}
                onApprove={approve}
                onDeny={deny}
              />
            ) : undefined}
          </ToolCall.Root>
        );
      })}
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Status
 * -----------------------------------------------------------------------------------------------*/

export interface MessageStatusProps extends React.ComponentProps<'div'> {
  /** Offered as a Retry button when the message ended in an error. Defaults to the root's `onRetry`. */
  onRetry?: (() => void) | undefined;
}

const STATUS_TEXT: Partial<Record<ChatMessage['status'], string>> = {
  pending: 'Waiting for the reply…',
  streaming: 'Writing…',
  aborted: 'Stopped. The reply above is partial.',
};

/**
 * How the message came to rest when that is worth saying: waiting, writing, stopped, cut short.
 * Nothing for a complete message, and nothing for a failed one: `Message.Error` says that.
 */
export function MessageStatus({ onRetry: onRetryProp, children, ...props }: MessageStatusProps) {
  const { message, onRetry: fromRoot } = useMessageContext('Status');
  const onRetry = onRetryProp ?? fromRoot;
  let text = STATUS_TEXT[message.status];
  // A length cut or a content filter stop is Message.FinishNotice's to tell, with its action.
  if (message.status === 'incomplete' && !isNotableFinish(message.finishReason)) {
    text = 'Incomplete: the connection ended before the reply did.';
  }
  if (failure(message)) text = undefined;
  // A tool loop stopped at a limit: the reply is fine, but the person should know why it ended.
  if (message.status === 'complete' && message.notice) text = message.notice.message;
  if (text === undefined && children === undefined) return null;
  return (
    <div data-slot="message-status" data-status={message.status} {...props}>
      {children ?? (
        <>
          <span data-slot="message-status-text">{text}</span>
          {message.status === 'incomplete' && !failure(message) && onRetry ? (
            <MessageRetry onClick={onRetry} />
          ) : null}
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
  label?: string | undefined;
}

const INFO = InfoIcon();

/** Timing and usage on demand: a "Details" toggle revealing a description list. */
export function MessageDetails({ label = 'Details', ...props }: MessageDetailsProps) {
  const { message } = useMessageContext('Details');
  const details = messageDetails(message);
  if (details.length === 0 && !message.generationId && !message.usage && !message.logprobs?.content?.length) {
    return null;
  }
  return (
    <Collapsible.Root data-slot="message-details" {...props}>
      {withTooltip(
        label,
        <Collapsible.Trigger
          data-slot="message-details-trigger"
          aria-label={label}
          onPointerEnter={() => preloadDetailsOf(message)}
          onFocus={() => preloadDetailsOf(message)}
        >
          {INFO}
        </Collapsible.Trigger>,
      )}
      <Collapsible.Content data-slot="message-details-content">
        {details.length > 0 ? (
          <dl data-slot="message-details-list">
            {details.map((detail) => (
              <div key={detail.label} data-slot="message-detail">
                <dt>{detail.label}</dt>
                <dd>{detail.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <MessageDetailsExtras />
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
