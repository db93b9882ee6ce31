/**
 * The events the chat reducer understands. The store turns everything that happens (a send, a
 * streamed chunk, a tool result, a failure) into these, so every state the UI can show is the
 * result of a replayable list of plain objects.
 */

import type {
  Annotation,
  ChatCompletionChunk,
  ChoiceLogprobs,
  FinishReason,
  ReasoningDetail,
  ResponseFormat,
  ToolCallDelta,
  Usage,
} from '../wire-types.ts';
import type { ChatRouteAttempt } from './chat-route.ts';
import type { ChatBranch, ChatPendingRetry } from './chat-state.ts';
import type { ChatErrorInfo, ChatMessage, ChatNotice, ChatToolCallState } from './chat-types.ts';
import type { ThreadSaveError } from './threads/thread-types.ts';

/** A change to one tool call of an assistant message. */
export interface ChatToolCallUpdate {
  id: string;
  state: ChatToolCallState;
  /** The tool message content given to the model. */
  result?: string;
  /** Why the call failed or was denied, in words a person reads. */
  error?: string;
}

/** Events that change one streaming assistant message (`at` is when the data arrived, epoch ms). */
export type ChatDeltaEvent =
  | { type: 'text-delta'; messageId: string; text: string; at: number }
  | {
      type: 'reasoning-delta';
      messageId: string;
      text?: string;
      details?: readonly ReasoningDetail[];
      at: number;
    }
  | { type: 'tool-call-delta'; messageId: string; deltas: readonly ToolCallDelta[]; at: number }
  | { type: 'refusal-delta'; messageId: string; text: string; at: number }
  | { type: 'logprobs-delta'; messageId: string; logprobs: ChoiceLogprobs; at: number }
  | { type: 'annotations-delta'; messageId: string; annotations: readonly Annotation[]; at: number }
  | {
      type: 'message-metadata';
      messageId: string;
      /** The response's `id`: the generation to look up or give feedback on. */
      generationId?: string;
      model?: string;
      provider?: string;
      route?: ChatRouteAttempt[];
      usage?: Usage;
      finishReason?: FinishReason | null;
      nativeFinishReason?: string | null;
      at: number;
    };

/** Everything the chat reducer handles. */
export type ChatEvent =
  | ChatDeltaEvent
  /** Replaces the conversation (setMessages, reset, a loaded conversation). */
  | { type: 'messages-set'; messages: readonly ChatMessage[]; branches?: Record<string, ChatBranch> }
  /** Appends a message the user or the app wrote. */
  | { type: 'message-add'; message: ChatMessage }
  /**
   * A request is sent: appends an empty assistant message (or resets the last one to empty when
   * `messageId` is already the last message, which is how retry reuses a failed reply).
   */
  | {
      type: 'request-start';
      messageId: string;
      at: number;
      model?: string;
      /** The request's `response_format`, kept on the reply when it asks for JSON. */
      responseFormat?: ResponseFormat;
    }
  /** The client will retry after a retryable failure. */
  | { type: 'retry-scheduled'; retry: ChatPendingRetry }
  /** The reply finished normally. */
  | { type: 'message-end'; messageId: string; at: number }
  /** The request failed; the partial reply is kept and marked (`incomplete` when the stream dropped). */
  | { type: 'request-error'; messageId?: string; error: ChatErrorInfo; at: number }
  /** The user stopped the chat; the partial reply is kept and marked aborted. */
  | { type: 'request-abort'; messageId?: string; at: number }
  /** Tool calls of an assistant message moved on (validated, approved, ran, failed, denied...). */
  /** Tool calls moved on; `at` (epoch ms) stamps when a call started running and when it settled. */
  | { type: 'tool-calls-update'; messageId: string; updates: readonly ChatToolCallUpdate[]; at: number }
  /** The chat waits for tool results or approvals from the app or the user. */
  | { type: 'tools-await' }
  /**
   * Nothing waits for the app or the user any more (the last call was approved, denied or
   * answered): the chat goes on by itself, busy until the next request starts.
   */
  | { type: 'tools-resume' }
  /** The tool loop ended without another request; `notice` says why when a limit stopped it. */
  | { type: 'tools-end'; messageId?: string; notice?: ChatNotice }
  /**
   * Replaces the conversation from position `index` on (regenerate, edit): the old tail is kept as
   * an alternative and a new one starts with the message `newFirstId` the next event adds.
   */
  | { type: 'branch-create'; index: number; newFirstId: string }
  /** Shows alternative `index` of the branch point that `messageId` starts. */
  | { type: 'branch-switch'; messageId: string; index: number }
  /**
   * Deletes one message of the visible conversation, or with `turn` the turn it starts (its replies
   * and their alternatives); nothing else, other branches included.
   */
  | { type: 'message-delete'; messageId: string; turn: boolean }
  /** Persistence trouble changed (a refused save, a save that went through again). */
  | { type: 'storage-status'; unsaved: ThreadSaveError | undefined }
  /** Several events applied as one state change (the store batches streamed deltas this way). */
  | { type: 'batch'; events: readonly ChatEvent[] };

/** Whether an event only changes one streaming message. */
export function isDeltaEvent(event: ChatEvent): event is ChatDeltaEvent {
  switch (event.type) {
    case 'text-delta':
    case 'reasoning-delta':
    case 'tool-call-delta':
    case 'refusal-delta':
    case 'logprobs-delta':
    case 'annotations-delta':
    case 'message-metadata':
      return true;
    default:
      return false;
  }
}

/**
 * The delta events of one wire chunk, in the order a reader would see them. Only the first choice
 * is read (the chat asks for one); a chunk's `error` is surfaced by the client as a thrown error.
 */
export function chunkToEvents(messageId: string, chunk: ChatCompletionChunk, at: number): ChatDeltaEvent[] {
  const events: ChatDeltaEvent[] = [];
  const choice = chunk.choices[0];
  const delta = choice?.delta;
  if (delta) {
    const details = delta.reasoning_details;
    if ((delta.reasoning != null && delta.reasoning !== '') || (details && details.length > 0)) {
      const event: ChatDeltaEvent = { type: 'reasoning-delta', messageId, at };
      if (delta.reasoning) event.text = delta.reasoning;
      if (details && details.length > 0) event.details = details;
      events.push(event);
    }
    if (delta.content != null && delta.content !== '') {
      events.push({ type: 'text-delta', messageId, text: delta.content, at });
    }
    if (delta.tool_calls && delta.tool_calls.length > 0) {
      events.push({ type: 'tool-call-delta', messageId, deltas: delta.tool_calls, at });
    }
    if (delta.refusal != null && delta.refusal !== '') {
      events.push({ type: 'refusal-delta', messageId, text: delta.refusal, at });
    }
    if (Array.isArray(delta.annotations) && delta.annotations.length > 0) {
      events.push({ type: 'annotations-delta', messageId, annotations: delta.annotations, at });
    }
  }
  if (choice?.logprobs) events.push({ type: 'logprobs-delta', messageId, logprobs: choice.logprobs, at });
  const metadata: Extract<ChatDeltaEvent, { type: 'message-metadata' }> = {
    type: 'message-metadata',
    messageId,
    at,
  };
  let hasMetadata = false;
  if (chunk.id) {
    metadata.generationId = chunk.id;
    hasMetadata = true;
  }
  if (chunk.model) {
    metadata.model = chunk.model;
    hasMetadata = true;
  }
  if (chunk.provider) {
    metadata.provider = chunk.provider;
    hasMetadata = true;
  }
  if (chunk.usage) {
    metadata.usage = chunk.usage;
    hasMetadata = true;
  }
  if (choice?.finish_reason != null) {
    metadata.finishReason = choice.finish_reason;
    hasMetadata = true;
  }
  if (choice?.native_finish_reason != null) {
    metadata.nativeFinishReason = choice.native_finish_reason;
    hasMetadata = true;
  }
  if (hasMetadata) events.push(metadata);
  return events;
}
