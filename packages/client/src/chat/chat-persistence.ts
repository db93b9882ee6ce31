/**
 * Keeping a conversation between visits: loading it when a store starts, saving it when it comes to
 * rest, following other tabs' changes. A persisted chat is plain JSON: the messages (those of
 * inactive branches too), their order and the branches, with everything a message carries,
 * reasoning durations included. The localStorage adapter is in `local-storage-persistence.ts`.
 */

import type { Usage } from '../wire-types.ts';
import type { PersistedLoader } from './chat-persisted-loader.ts';
import { lastAssistantMessage } from './chat-selectors.ts';
import { type ChatBranch, type ChatState, createInitialChatState } from './chat-state.ts';
import { isPendingToolCall } from './chat-tools.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { toSaveError } from './threads/thread-tombstone.ts';
import type { ThreadIssue, ThreadSaveError } from './threads/thread-types.ts';
import { lastUsage, sumUsage } from './usage-total.ts';

/** What is saved of a conversation. */
export interface PersistedChat {
  version: 1;
  messageIds: string[];
  messagesById: Record<string, ChatMessage>;
  branches: Record<string, ChatBranch>;
  /** The conversation's usage total; absent in chats saved before it was kept. */
  usageTotal?: Usage;
  /** Ids of messages deleted here, so that a merge with another tab's copy does not bring them back. */
  deletedIds?: string[];
}

/**
 * Saves and loads conversations by id; either side may be synchronous or asynchronous. What `load`
 * returns is not trusted: the store migrates older shapes and checks every message, skipping (and
 * listing in `state.storage.issues`) what it cannot show. `save` throws or rejects when the storage
 * refuses (a full quota; a conversation deleted since this copy was made, as `ThreadDeletedError`):
 * the store reports it as "not saved" and keeps the conversation.
 */
export interface ChatPersistence {
  load(conversationId: string): PersistedChat | undefined | Promise<PersistedChat | undefined>;
  /** `restore`: save even if the conversation was deleted since (the user asked to keep it). */
  save(conversationId: string, chat: PersistedChat, options?: { restore?: boolean }): void | Promise<void>;
  remove?(conversationId: string): void | Promise<void>;
  /**
   * Optional: tells the store the conversation changed elsewhere (another tab), with the stored
   * copy, or `undefined` when it was deleted.
   */
  subscribe?(conversationId: string, listener: (chat: PersistedChat | undefined) => void): () => void;
}

/** Where a chat's persistence stands, for the UI: what could not be read, and a refused save. */
export interface ChatStorageStatus {
  /** Stored messages (or branch points) that could not be read and were skipped. */
  issues: ThreadIssue[];
  /**
   * Set while the latest change has not been saved (the conversation stays in memory); `kind:
   * 'deleted'` once the conversation was deleted (here or in another tab) while this chat held it.
   */
  unsaved?: ThreadSaveError;
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
  const usage = lastUsage(state.messageIds, messagesById);
  if (usage) state.usage = usage;
  if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) state.status = 'awaiting-tool';
  return state;
}

/**
 * Where a persistence keeps the {@link PersistedLoader} it brings along (see `chat-persisted-loader.ts`).
 * A store without one imports the loader when it starts, so a persistence that answers synchronously
 * (localStorage) carries it, and the store's first state is the stored conversation at once.
 */
export const PERSISTED_LOADER = Symbol.for('parley.chat.persisted-loader');

/** A persistence that may carry the loader under {@link PERSISTED_LOADER}. */
export type WithPersistedLoader<T extends ChatPersistence = ChatPersistence> = T & {
  [PERSISTED_LOADER]?: PersistedLoader;
};

/** What {@link savePersistedChanges} gives the store: stop, and save now (the "Retry saving" action). */
export interface PersistedChanges {
  stop(): void;
  /** Saves the conversation as it is now; `restore` saves it even if it was deleted since. */
  saveNow(restore?: boolean): Promise<void>;
}

/**
 * Saves the chat whenever it comes to rest with a changed conversation (never per streamed token),
 * once the stored conversation has loaded. A refused save is reported through `report` (the store
 * shows it as `state.storage.unsaved`), and the next successful one clears it.
 */
export function savePersistedChanges(
  store: { subscribe(listener: (state: ChatState) => void): () => void; getState(): ChatState },
  ready: Promise<void>,
  target: () => { persistence: ChatPersistence | undefined; conversationId: string | undefined },
  report: (error: ThreadSaveError | undefined, cause?: unknown) => void,
): PersistedChanges {
  let saved: ChatState | undefined;
  void ready.then(() => {
    saved = store.getState();
  });
  const save = (state: ChatState, restore: boolean): Promise<void> => {
    const { persistence, conversationId } = target();
    if (!persistence || conversationId === undefined) return Promise.resolve();
    saved = state;
    return Promise.resolve()
      .then(() => persistence.save(conversationId, toPersistedChat(state), { restore }))
      .then(
        () => report(undefined),
        (cause: unknown) => report(toSaveError(cause, Date.now()), cause),
      );
  };
  const stop = store.subscribe((next) => {
    if (!saved) return;
    if (next.status === 'submitted' || next.status === 'streaming') return;
    const unchanged =
      next.messageIds === saved.messageIds &&
      next.messagesById === saved.messagesById &&
      next.branches === saved.branches;
    if (!unchanged) void save(next, false);
  });
  return {
    stop,
    saveNow: async (restore = false) => {
      await ready;
      await save(store.getState(), restore);
    },
  };
}
