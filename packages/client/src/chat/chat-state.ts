/**
 * The chat's state: plain, serialisable data (no classes, no functions, no proxies), so it can be
 * compared by identity, cloned (`structuredClone`, even mid-stream), persisted and restored. The
 * reducer in `reduce-chat.ts` is the only code that builds it.
 */
import type { Usage } from '../wire-types.ts';
import type { ChatStorageStatus } from './chat-persistence.ts';
import type { ChatErrorInfo, ChatMessage, ChatStatus } from './chat-types.ts';
import { lastUsage, sumUsage } from './usage-total.ts';

/** A retry the client has scheduled after a retryable failure (429, 5xx), for a countdown. */
export interface ChatPendingRetry {
  /** 1-based retry number. */
  attempt: number;
  /** How long the client waits before this retry, in milliseconds. */
  delayMs: number;
  /** When the retry is sent, in epoch milliseconds. */
  retryAt: number;
  /** The failure being retried (a 429, a 503...), to name the trouble during the countdown. */
  error?: ChatErrorInfo;
}

/**
 * Alternatives at one point of the conversation, created by regenerate or edit. `ids[k]` lists the
 * message ids of alternative `k` from the branch point to the end of the conversation, as they
 * stood when the user last left that alternative; the active one is `messageIds` itself from the
 * branch point on, so only its first id is meaningful while it is active.
 */
export interface ChatBranch {
  ids: string[][];
  active: number;
}

/** Everything a chat holds. */
export interface ChatState {
  status: ChatStatus;
  /** The visible conversation, in order. A new array only when a message is added or removed. */
  messageIds: string[];
  /**
   * Messages by id. Holds the visible messages and those of inactive branches; a message object is
   * replaced only while it streams or when its tool calls change. While a reply streams, its entry
   * is replaced in place (the record is copied at its first token, not per token).
   */
  messagesById: Record<string, ChatMessage>;
  /** Why the last request failed, until the next request starts. */
  error?: ChatErrorInfo;
  /** Token usage of the last reply. */
  usage?: Usage;
  /** Token usage and cost of every reply of the conversation, summed; kept with the conversation. */
  usageTotal?: Usage;
  /** Set while the client waits to retry a failed request. */
  pendingRetry?: ChatPendingRetry;
  /**
   * Alternatives by message id: the first message id of every alternative of a branch point maps
   * to the same record, so a row can look itself up (see `getBranch`).
   */
  branches: Record<string, ChatBranch>;
  /** Persistence trouble: stored messages that could not be read, a save the storage refused ("not saved"). */
  storage?: ChatStorageStatus;
}

/** An empty, idle chat. */
export function createInitialChatState(messages: readonly ChatMessage[] = []): ChatState {
  const messagesById: Record<string, ChatMessage> = {};
  const messageIds: string[] = [];
  for (const message of messages) {
    if (!(message.id in messagesById)) messageIds.push(message.id);
    messagesById[message.id] = message;
  }
  const state: ChatState = { status: 'idle', messageIds, messagesById, branches: {} };
  const usageTotal = sumUsage(Object.values(messagesById));
  if (usageTotal) state.usageTotal = usageTotal;
  const usage = lastUsage(messageIds, messagesById);
  if (usage) state.usage = usage;
  return state;
}
