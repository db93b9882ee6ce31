'use client';
import type { ModelPricing } from '@parley/client';
import type { ChatErrorInfo, ChatMessage, ChatPart } from '@parley/client/chat';
import * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import type { ToolCallRenderers } from '../tool-call/tool-call.tsx';

/** What `Message.Root` hands its parts besides the message; each part also takes its own prop. */
export interface MessageCallbacks {
  /** The message's versions, when it has been regenerated or edited (`useChatBranch` gives it). */
  branch?: { index: number; count: number } | undefined;
  /** Content-part renderers by part type, merged over the defaults. Keep the object stable. */
  components?: Partial<ContentPartComponents> | undefined;
  /** Tool-call renderers by tool name. Keep the object stable. */
  toolRenderers?: ToolCallRenderers | undefined;
  /**
   * The prices the reply was served at (`useModelPricing` finds them), to estimate its cost in
   * Details when the server did not report one; `Chat.Messages` passes them for you.
   */
  pricing?: ModelPricing | undefined;
  /** Whose prices `pricing` are (the serving provider, or the model), named in the estimate. */
  pricedBy?: string | undefined;
  onRegenerate?: ((messageId: string) => void) | undefined;
  /** The edited parts: the text replaced, other parts (images, audio) kept. */
  onEdit?: ((messageId: string, parts: ChatPart[]) => void) | undefined;
  onDelete?: ((messageId: string) => void) | undefined;
  onRetry?: (() => void) | undefined;
  /** Offered when a reply was cut by its length limit: ask the model to go on. */
  onContinue?: ((messageId: string) => void) | undefined;
  /** Offered when the content filter stopped a reply: reword the message that led to it. */
  onRephrase?: ((messageId: string) => void) | undefined;
  /** Offered instead of Retry when the server refused the API key. */
  onChangeKey?: (() => void) | undefined;
  onSwitchBranch?: ((messageId: string, index: number) => void) | undefined;
  onApproveToolCall?: ((toolCallId: string) => void) | undefined;
  onDenyToolCall?: ((toolCallId: string) => void) | undefined;
}

// Every key of `MessageCallbacks` (the type insists the list is complete), so `Message.Root` can
// tell them from the props it puts on its article.
const MESSAGE_CALLBACK_KEYS: Record<keyof MessageCallbacks, true> = {
  branch: true,
  components: true,
  toolRenderers: true,
  pricing: true,
  pricedBy: true,
  onRegenerate: true,
  onEdit: true,
  onDelete: true,
  onRetry: true,
  onContinue: true,
  onRephrase: true,
  onChangeKey: true,
  onSwitchBranch: true,
  onApproveToolCall: true,
  onDenyToolCall: true,
};

/** Splits props into what `Message.Root` hands its parts and the rest, which goes on its element. */
export function splitMessageCallbacks<TProps extends MessageCallbacks>(
  props: TProps,
): [MessageCallbacks, Omit<TProps, keyof MessageCallbacks>] {
  const callbacks: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    (Object.hasOwn(MESSAGE_CALLBACK_KEYS, key) ? callbacks : rest)[key] = value;
  }
  return [callbacks as MessageCallbacks, rest as Omit<TProps, keyof MessageCallbacks>];
}

export interface MessageContextValue extends MessageCallbacks {
  message: ChatMessage;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** The Edit button, so focus can go back to it when editing ends. */
  editTriggerRef: React.RefObject<HTMLButtonElement | null>;
}

export const MessageContext = React.createContext<MessageContextValue | null>(null);

export function useMessageContext(part: string): MessageContextValue {
  const context = React.useContext(MessageContext);
  if (!context) throw new Error(`<Message.${part}> must be inside <Message.Root>.`);
  return context;
}

/** Who wrote a message, as a person reads it. */
export const ROLE_LABELS: Record<ChatMessage['role'], string> = {
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
  developer: 'Developer',
  tool: 'Tool',
};

/** The error a reply ended with, when it failed (or was cut off by a failure rather than a length limit). */
export function messageFailure(message: ChatMessage): ChatErrorInfo | undefined {
  if (message.status === 'error') return message.error ?? { kind: 'stream', message: '' };
  if (message.status === 'incomplete' && message.finishReason !== 'length') return message.error;
  return undefined;
}
