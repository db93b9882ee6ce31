/**
 * Keeping a conversation between visits: loading it when a store starts, saving it when it comes to
 * rest, and a localStorage adapter. A persisted chat is plain JSON: the messages (those of inactive
 * branches too), their order and the branches, with everything a message carries, reasoning
 * durations included.
 */

import type { Usage } from '../wire-types.ts';
import { lastAssistantMessage } from './chat-selectors.ts';
import { type ChatBranch, type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import { isPendingToolCall } from './chat-tools.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { sumUsage } from './usage-total.ts';

/** What is saved of a conversation. */
export interface PersistedChat {
  version: 1;
  messageIds: string[];
  messagesById: Record<string, ChatMessage>;
  branches: Record<string, ChatBranch>;
  /** The conversation's usage total; absent in chats saved before it was kept. */
  usageTotal?: Usage;
}

/** Saves and loads conversations by id; either side may be synchronous or asynchronous. */
export interface ChatPersistence {
  load(conversationId: string): PersistedChat | undefined | Promise<PersistedChat | undefined>;
  save(conversationId: string, chat: PersistedChat): void | Promise<void>;
  remove?(conversationId: string): void | Promise<void>;
}

/** The part of the Web Storage API the persistence uses (so tests and other runtimes can pass their own). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The persisted form of a chat state. */
export function toPersistedChat(state: ChatState): PersistedChat {
  return {
    version: 1,
    messageIds: state.messageIds,
    messagesById: state.messagesById,
    branches: state.branches,
    ...(state.usageTotal ? { usageTotal: state.usageTotal } : {}),
  };
}

const INTERRUPTED = 'Interrupted before it finished (the page was closed or reloaded).';

function settleCall(call: ChatToolCall): ChatToolCall {
  if (call.state !== 'running' && call.state !== 'streaming-arguments') return call;
  return { ...call, state: 'failed', error: INTERRUPTED };
}

/**
 * A loaded message as it can be shown now: a reply saved while it streamed ends `aborted`, and a
 * tool call saved while it ran ends `failed`, since neither can resume. Calls waiting for an
 * approval or a result keep waiting.
 */
export function restoreMessage(message: ChatMessage): ChatMessage {
  let next = message;
  if (message.status === 'pending' || message.status === 'streaming') next = { ...next, status: 'aborted' };
  if (next.toolCalls?.some((call) => call.state === 'running' || call.state === 'streaming-arguments')) {
    next = { ...next, toolCalls: next.toolCalls.map(settleCall) };
  }
  return next;
}

/** A saved chat as a state to show: interrupted replies and calls settled, waiting calls still waiting. */
export function fromPersistedChat(chat: PersistedChat): ChatState {
  const messagesById: Record<string, ChatMessage> = {};
  for (const [id, message] of Object.entries(chat.messagesById)) messagesById[id] = restoreMessage(message);
  const state: ChatState = {
    ...createInitialChatState(),
    messageIds: chat.messageIds.filter((id) => id in messagesById),
    messagesById,
    branches: chat.branches,
  };
  // Older saves have no total: the replies they kept still say what they cost.
  const usageTotal = chat.usageTotal ?? sumUsage(Object.values(messagesById));
  if (usageTotal) state.usageTotal = usageTotal;
  if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) state.status = 'awaiting-tool';
  return state;
}

/**
 * The store's first state: the saved conversation when persistence answers synchronously (as
 * localStorage does, so the page never flashes an empty chat), else `initialMessages`, with
 * `onLoaded` called later when an asynchronous load finds one.
 */
export function loadPersistedState(
  options: ChatStoreOptions,
  onLoaded: (state: ChatState) => void,
): ChatState {
  const fallback = createInitialChatState(options.initialMessages);
  const { persistence, conversationId } = options;
  if (!persistence || conversationId === undefined) return fallback;
  let loaded: ReturnType<typeof persistence.load>;
  try {
    loaded = persistence.load(conversationId);
  } catch {
    return fallback;
  }
  if (loaded instanceof Promise) {
    loaded.then((chat) => chat && onLoaded(fromPersistedChat(chat))).catch(() => undefined);
    return fallback;
  }
  return loaded ? fromPersistedChat(loaded) : fallback;
}

function isPersistedChat(value: unknown): value is PersistedChat {
  if (typeof value !== 'object' || value === null) return false;
  const chat = value as Partial<PersistedChat>;
  return (
    chat.version === 1 &&
    Array.isArray(chat.messageIds) &&
    typeof chat.messagesById === 'object' &&
    chat.messagesById !== null &&
    typeof chat.branches === 'object' &&
    chat.branches !== null
  );
}

/**
 * Persistence in `localStorage` (or any {@link StorageLike}), one JSON entry per conversation under
 * `prefix + conversationId`. Storage is looked up on each call, so importing this on a server is
 * safe; where there is none, nothing is saved. A full or unreadable entry is skipped, never thrown:
 * losing history must not break the chat.
 *
 * @example
 * const store = createChatStore({ baseURL, persistence: createLocalStoragePersistence(), conversationId: 'support' });
 */
export function createLocalStoragePersistence(
  options: { storage?: StorageLike; prefix?: string } = {},
): ChatPersistence {
  const prefix = options.prefix ?? 'parley:chat:';
  const storage = (): StorageLike | undefined => {
    if (options.storage) return options.storage;
    try {
      return (globalThis as { localStorage?: StorageLike }).localStorage;
    } catch {
      // Some browsers throw on access when storage is blocked.
      return undefined;
    }
  };
  return {
    load(conversationId) {
      try {
        const text = storage()?.getItem(prefix + conversationId);
        if (!text) return undefined;
        const value: unknown = JSON.parse(text);
        return isPersistedChat(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    save(conversationId, chat) {
      try {
        storage()?.setItem(prefix + conversationId, JSON.stringify(chat));
      } catch {
        // Quota exceeded or storage blocked: keep chatting without history.
      }
    },
    remove(conversationId) {
      try {
        storage()?.removeItem(prefix + conversationId);
      } catch {
        // Nothing to do when storage is blocked.
      }
    },
  };
}

/**
 * Saves the chat whenever it comes to rest with a changed conversation (never per streamed token).
 * Saving is asynchronous and its failures are ignored: losing history must not break the chat.
 */
export function savePersistedChanges(
  store: { subscribe(listener: (state: ChatState) => void): () => void },
  initial: ChatState,
  target: () => { persistence: ChatPersistence | undefined; conversationId: string | undefined },
): () => void {
  let saved = initial;
  return store.subscribe((next) => {
    const { persistence, conversationId } = target();
    if (!persistence || conversationId === undefined) return;
    if (next.status === 'submitted' || next.status === 'streaming') return;
    const unchanged =
      next.messageIds === saved.messageIds &&
      next.messagesById === saved.messagesById &&
      next.branches === saved.branches;
    if (unchanged) return;
    saved = next;
    void Promise.resolve()
      .then(() => persistence.save(conversationId, toPersistedChat(next)))
      .catch(() => undefined);
  });
}
