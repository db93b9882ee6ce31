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
import { mergeThreads, threadOf } from './threads/merge-thread.ts';
import { toSaveError } from './threads/thread-store.ts';
import type { ThreadIssue, ThreadSaveError } from './threads/thread-types.ts';
import { parseThread } from './threads/validate-thread.ts';
import { sumUsage } from './usage-total.ts';

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
 * refuses (a full quota): the store reports it as "not saved" and keeps the conversation.
 */
export interface ChatPersistence {
  load(conversationId: string): PersistedChat | undefined | Promise<PersistedChat | undefined>;
  save(conversationId: string, chat: PersistedChat): void | Promise<void>;
  remove?(conversationId: string): void | Promise<void>;
  /** Optional: tells the store the conversation changed elsewhere (another tab), with the stored copy. */
  subscribe?(conversationId: string, listener: (chat: PersistedChat) => void): () => void;
}

/** Where a chat's persistence stands, for the UI: what could not be read, and a refused save. */
export interface ChatStorageStatus {
  /** Stored messages (or branch points) that could not be read and were skipped. */
  issues: ThreadIssue[];
  /** Set while the latest change has not been saved (the conversation stays in memory). */
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
  if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) state.status = 'awaiting-tool';
  return state;
}

/**
 * A stored value as a state to show: migrated from older shapes, each message checked, what cannot
 * be read skipped and listed in `state.storage.issues`. Never throws.
 */
function readPersisted(value: unknown, conversationId: string): ChatState | undefined {
  if (value === undefined || value === null) return undefined;
  const { thread, issues } = parseThread(value, conversationId);
  const state = thread ? fromPersistedChat({ ...thread, version: 1 }) : createInitialChatState();
  if (issues.length > 0) state.storage = { issues };
  return thread || issues.length > 0 ? state : undefined;
}

/**
 * The store's first state: the saved conversation when persistence answers synchronously (as
 * localStorage does, so the page never flashes an empty chat), else `initialMessages`, with
 * `onLoaded` called later when an asynchronous load finds one. `ready` resolves once the load is
 * settled either way: the store's actions wait for it, so a send before the load cannot replace
 * the stored history.
 */
export function loadPersistedState(
  options: ChatStoreOptions,
  onLoaded: (state: ChatState) => void,
): { state: ChatState; ready: Promise<void> } {
  const fallback = createInitialChatState(options.initialMessages);
  const { persistence, conversationId } = options;
  const settled = { state: fallback, ready: Promise.resolve() };
  if (!persistence || conversationId === undefined) return settled;
  let loaded: ReturnType<typeof persistence.load>;
  try {
    loaded = persistence.load(conversationId);
  } catch {
    return settled;
  }
  if (loaded instanceof Promise) {
    const ready = loaded.then(
      (value) => {
        const state = readPersisted(value, conversationId);
        if (state) onLoaded(state);
      },
      () => undefined,
    );
    return { state: fallback, ready };
  }
  return { state: readPersisted(loaded, conversationId) ?? fallback, ready: settled.ready };
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
  // Tabs of one origin hear each other's saves (storage events reach only other documents, and not
  // every runtime has them; the channel also covers two stores in one page).
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`parley:chat:${prefix}`);
  /** Message ids this tab has seen per conversation: what it lacks of them, it deleted. */
  const seen = new Map<string, Set<string>>();
  const see = (conversationId: string, chat: PersistedChat) => {
    const ids = seen.get(conversationId) ?? new Set();
    for (const id of Object.keys(chat.messagesById)) ids.add(id);
    seen.set(conversationId, ids);
  };
  const read = (conversationId: string): unknown => {
    const text = storage()?.getItem(prefix + conversationId);
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text; // reported as unreadable by the store, never thrown
    }
  };
  const readChat = (conversationId: string): PersistedChat | undefined => {
    const { thread } = parseThread(read(conversationId), conversationId);
    return (
      thread && {
        version: 1,
        messageIds: thread.messageIds,
        messagesById: thread.messagesById,
        branches: thread.branches,
        deletedIds: thread.deletedIds,
      }
    );
  };
  return {
    load(conversationId) {
      try {
        const value = read(conversationId) as PersistedChat | undefined;
        const chat = readChat(conversationId);
        if (chat) see(conversationId, chat);
        return value;
      } catch {
        return undefined;
      }
    },
    save(conversationId, chat) {
      const target = storage();
      if (!target) return;
      // Merged with what another tab stored meanwhile: by message, deletions of either side winning.
      const known = seen.get(conversationId) ?? new Set();
      const deletedIds = [...known].filter((id) => !(id in chat.messagesById));
      const ours = threadOf(conversationId, {
        ...chat,
        deletedIds: [...(chat.deletedIds ?? []), ...deletedIds],
      });
      const stored = readChat(conversationId);
      const merged = mergeThreads(ours, stored && threadOf(conversationId, stored));
      const next: PersistedChat = {
        version: 1,
        messageIds: merged.messageIds,
        messagesById: merged.messagesById,
        branches: merged.branches,
        deletedIds: merged.deletedIds,
      };
      if (chat.usageTotal) next.usageTotal = chat.usageTotal;
      // A refusal (a full quota) propagates: the store reports it as "not saved".
      target.setItem(prefix + conversationId, JSON.stringify(next));
      see(conversationId, next);
      channel?.postMessage({ conversationId });
    },
    remove(conversationId) {
      try {
        storage()?.removeItem(prefix + conversationId);
      } catch {
        // Nothing to do when storage is blocked.
      }
    },
    subscribe(conversationId, listener) {
      const changed = () => {
        const chat = readChat(conversationId);
        if (!chat) return;
        see(conversationId, chat);
        listener(chat);
      };
      const onMessage = (event: MessageEvent<{ conversationId?: unknown }>) => {
        if (event.data?.conversationId === conversationId) changed();
      };
      const onStorage = (event: Event) => {
        if ((event as StorageEvent).key === prefix + conversationId) changed();
      };
      channel?.addEventListener('message', onMessage);
      const events = globalThis as {
        addEventListener?: typeof addEventListener;
        removeEventListener?: typeof removeEventListener;
      };
      events.addEventListener?.('storage', onStorage);
      return () => {
        channel?.removeEventListener('message', onMessage);
        events.removeEventListener?.('storage', onStorage);
      };
    },
  };
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
): () => void {
  let saved: ChatState | undefined;
  void ready.then(() => {
    saved = store.getState();
  });
  return store.subscribe((next) => {
    const { persistence, conversationId } = target();
    if (!persistence || conversationId === undefined || !saved) return;
    if (next.status === 'submitted' || next.status === 'streaming') return;
    const unchanged =
      next.messageIds === saved.messageIds &&
      next.messagesById === saved.messagesById &&
      next.branches === saved.branches;
    if (unchanged) return;
    saved = next;
    void Promise.resolve()
      .then(() => persistence.save(conversationId, toPersistedChat(next)))
      .then(
        () => report(undefined),
        (cause: unknown) => report(toSaveError(cause, Date.now()), cause),
      );
  });
}

/**
 * Follows changes made elsewhere (another tab): when the chat is at rest, the other copy is merged
 * in by message (see `mergeThreads`), so its messages appear here and none of ours are lost. While
 * a reply streams, the change waits for the next save, which merges it anyway.
 */
export function followPersistedChanges(
  chat: { current(): ChatState; replace(state: ChatState): void },
  options: ChatStoreOptions,
): () => void {
  const { persistence, conversationId } = options;
  if (!persistence?.subscribe || conversationId === undefined) return () => undefined;
  return persistence.subscribe(conversationId, (theirs) => {
    const state = chat.current();
    if (state.status === 'submitted' || state.status === 'streaming') return;
    const merged = mergeThreads(threadOf(conversationId, state), threadOf(conversationId, theirs));
    const added = Object.keys(merged.messagesById).some((id) => !(id in state.messagesById));
    if (!added && merged.messageIds.join() === state.messageIds.join()) return;
    const loaded = fromPersistedChat({ ...merged, version: 1 });
    chat.replace({
      ...state,
      messageIds: loaded.messageIds,
      messagesById: loaded.messagesById,
      branches: loaded.branches,
    });
  });
}
