/**
 * Reading a chat's state: the visible conversation, the last reply, which alternative of a branch
 * a message is, a message's text and its speed. The store and the React hooks share these, so a
 * rule (how text parts join, how tokens per second are counted) is written once.
 */
import type { ChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';
import { streamingIdOf } from './messages-record.ts';

interface CachedMessages {
  ids: string[];
  messages: ChatMessage[];
  /** The streaming reply as listed: the record changes it in place, so its identity is checked. */
  streaming: ChatMessage | undefined;
}

const messagesCache = new WeakMap<Record<string, ChatMessage>, CachedMessages>();

const streamingMessage = (state: ChatState) => {
  const id = streamingIdOf(state.messagesById);
  return id === undefined ? undefined : state.messagesById[id];
};

/**
 * The visible conversation as an array. The result is cached per record, so a selector built on it
 * returns the same array until a message changes (safe for `useSyncExternalStore`).
 */
export function selectMessages(state: ChatState): ChatMessage[] {
  const cached = messagesCache.get(state.messagesById);
  const streaming = streamingMessage(state);
  if (cached && cached.ids === state.messageIds && cached.streaming === streaming) return cached.messages;
  const messages: ChatMessage[] = [];
  for (const id of state.messageIds) {
    const message = state.messagesById[id];
    if (message) messages.push(message);
  }
  messagesCache.set(state.messagesById, { ids: state.messageIds, messages, streaming });
  return messages;
}

/** The last assistant message of the visible conversation (usually the last message). */
export function lastAssistantMessage(state: ChatState): ChatMessage | undefined {
  for (let index = state.messageIds.length - 1; index >= 0; index--) {
    const message = state.messagesById[state.messageIds[index]!];
    if (message?.role === 'assistant') return message;
    if (message?.role === 'user') return undefined;
  }
  return undefined;
}

/** Which alternative `messageId` is (0-based) and how many there are, when it starts one. */
export function selectBranch(
  state: ChatState,
  messageId: string,
): { index: number; count: number } | undefined {
  const branch = state.branches[messageId];
  const index = branch ? branch.ids.findIndex((ids) => ids[0] === messageId) : -1;
  return branch && index !== -1 ? { index, count: branch.ids.length } : undefined;
}

// Separate text parts are separate blocks (the UI renders each as its own paragraph).
const TEXT_PART_SEPARATOR = '\n\n';

/** The text of a message's text parts, as sent to the model, copied, edited and announced. */
export function getMessageText(message: Pick<ChatMessage, 'parts'>): string {
  let text = '';
  let first = true;
  for (const part of message.parts) {
    if (part.type !== 'text') continue;
    text += first ? part.text : TEXT_PART_SEPARATOR + part.text;
    first = false;
  }
  return text;
}

/** Time to first token, generation speed and reasoning time of a reply, where known. */
export interface ChatMessageMetrics {
  /** From sending the request to the first streamed token, in milliseconds. */
  timeToFirstTokenMs?: number;
  /** Completion tokens per second between the first token and the end (needs usage). */
  tokensPerSecond?: number;
  /** How long the model reasoned, in milliseconds. */
  reasoningDurationMs?: number;
  /** From sending the request to the end of the reply, in milliseconds. */
  totalMs?: number;
}

/** Computes {@link ChatMessageMetrics} for a message; fields are absent when the data is missing. */
export function getMessageMetrics(message: ChatMessage): ChatMessageMetrics {
  const metrics: ChatMessageMetrics = {};
  const timing = message.timing;
  if (timing?.firstTokenAt !== undefined) metrics.timeToFirstTokenMs = timing.firstTokenAt - timing.startedAt;
  if (timing?.endedAt !== undefined) metrics.totalMs = timing.endedAt - timing.startedAt;
  const tokens = message.usage?.completion_tokens;
  if (tokens !== undefined && timing?.firstTokenAt !== undefined && timing.endedAt !== undefined) {
    const seconds = (timing.endedAt - timing.firstTokenAt) / 1000;
    if (seconds > 0) metrics.tokensPerSecond = tokens / seconds;
  }
  if (message.reasoning?.durationMs !== undefined) metrics.reasoningDurationMs = message.reasoning.durationMs;
  return metrics;
}
