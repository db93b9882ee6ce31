'use client';
import type { ChatMessage, ChatPart } from '@parley/client/chat';
import type * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import type { ToolCallRenderers } from '../tool-call/tool-call-view.tsx';
import * as Message from './message.tsx';

export interface MessageViewProps extends Omit<React.ComponentProps<'article'>, 'children'> {
  message: ChatMessage;
  /** The message's versions, when it has been regenerated or edited. */
  branch?: { index: number; count: number };
  components?: Partial<ContentPartComponents>;
  toolRenderers?: ToolCallRenderers;
  onRegenerate?: (messageId: string) => void;
  onEdit?: (messageId: string, parts: ChatPart[]) => void;
  onDelete?: (messageId: string) => void;
  onRetry?: () => void;
  onSwitchBranch?: (messageId: string, index: number) => void;
  onApproveToolCall?: (toolCallId: string) => void;
  onDenyToolCall?: (toolCallId: string) => void;
}

/**
 * A message with the default layout: author and model, reasoning, content, tool calls, status,
 * then actions (copy; regenerate for replies; edit for your messages; delete; versions; details).
 * Actions appear only when their callback is given.
 *
 * @example
 * <MessageView message={message} onRegenerate={regenerate} onRetry={retry} />
 */
export function MessageView({
  message,
  branch,
  components,
  toolRenderers,
  onRegenerate,
  onEdit,
  onDelete,
  onRetry,
  onSwitchBranch,
  onApproveToolCall,
  onDenyToolCall,
  ...props
}: MessageViewProps) {
  const isAssistant = message.role === 'assistant';
  return (
    <Message.Root message={message} {...props}>
      <div data-slot="message-header">
        <Message.Author />
        <Message.Meta />
      </div>
      <Message.Reasoning />
      <Message.Content components={components} />
      {onEdit ? <Message.Editor onSave={onEdit} /> : null}
      <Message.ToolCalls renderers={toolRenderers} onApprove={onApproveToolCall} onDeny={onDenyToolCall} />
      <Message.Status onRetry={onRetry} />
      <Message.Actions>
        {message.parts.some((part) => part.type === 'text') ? <Message.CopyAction /> : null}
        {isAssistant && onRegenerate ? <Message.RegenerateAction onRegenerate={onRegenerate} /> : null}
        {message.role === 'user' && onEdit ? <Message.EditAction /> : null}
        {onDelete ? <Message.DeleteAction onDelete={onDelete} /> : null}
        <Message.BranchPicker branch={branch} onSwitch={onSwitchBranch} />
        {isAssistant ? <Message.Details /> : null}
      </Message.Actions>
    </Message.Root>
  );
}
