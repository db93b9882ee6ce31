/**
 * `createThreadStore`: many conversations, kept in a {@link ThreadStorage}. It loads every thread
 * once (validated and migrated, unreadable parts reported, never thrown), keeps them in memory,
 * and writes each change by merging it with what is stored, so another tab's messages are never
 * overwritten. Tabs tell each other about changes over a `BroadcastChannel`. A write the storage
 * refuses (quota, blocked storage) leaves the thread in memory and marks it unsaved until a later
 * write succeeds.
 */
import { createStore } from 'zustand/vanilla';
import type { ChatPersistence, PersistedChat } from '../chat-persistence.ts';
import { defaultGenerateId } from '../chat-runner.ts';
import type { ChatState } from '../chat-state.ts';
import type { ChatMessage } from '../chat-types.ts';
import { mergeThreads } from './merge-thread.ts';
import { createDefaultThreadStorage } from './thread-storages.ts';
import { compareThreads, defaultTitle, matchesThread, toThreadSummary } from './thread-summary.ts';
import {
  THREAD_VERSION,
  type Thread,
  type ThreadIssue,
  type ThreadSaveError,
  type ThreadStorage,
  type ThreadSummary,
} from './thread-types.ts';
import { parseThread } from './validate-thread.ts';

/** What a thread list shows. Plain data; a new object on every change. */
export interface ThreadStoreState {
  /** `loading` until the storage has been read once. */
  status: 'loading' | 'ready';
  /** Every thread, pinned first, then the most recently updated. */
  threads: ThreadSummary[];
  /** What could not be read (skipped, not thrown): records, messages, branch points. */
  issues: ThreadIssue[];
  /** Threads whose latest change did not reach storage, by id. Cleared by the next successful save. */
  unsaved: Record<string, ThreadSaveError>;
}

/** Options of {@link createThreadStore}. */
export interface ThreadStoreOptions {
  /** Where threads live; default IndexedDB in browsers, memory elsewhere. */
  storage?: ThreadStorage;
  /** Hear about other tabs' changes over `BroadcastChannel` (default true where it exists). */
  sync?: boolean;
  /** Called with what could not be read, each time something could not. */
  onIssues?: (issues: ThreadIssue[]) => void;
  /** Called when a change could not be saved; the thread stays in memory. */
  onSaveError?: (threadId: string, error: ThreadSaveError, cause: unknown) => void;
  generateId?: () => string;
  now?: () => number;
}

/** What a new thread starts with. */
export interface ThreadInit {
  id?: string;
  title?: string;
  pinned?: boolean;
  metadata?: Record<string, unknown>;
  messages?: ChatMessage[];
}

/** The messages part of a chat, as the chat store has it. */
export type ThreadChat = Pick<ChatState, 'messageIds' | 'messagesById' | 'branches'> &
  Pick<Partial<ChatState>, 'usage'>;

/** Many conversations and what a list of them needs. See {@link createThreadStore}. */
export interface ThreadStore {
  getState(): ThreadStoreState;
  subscribe(listener: (state: ThreadStoreState) => void): () => void;
  /** Resolves once the storage has been read. */
  ready(): Promise<void>;
  /** The whole thread, from memory. */
  get(id: string): Thread | undefined;
  /** Calls `listener` when the thread changes here or in another tab (`undefined` once deleted). */
  subscribeThread(id: string, listener: (thread: Thread | undefined) => void): () => void;
  create(init?: ThreadInit): Promise<Thread>;
  rename(id: string, title: string): Promise<void>;
  pin(id: string, pinned?: boolean): Promise<void>;
  setMetadata(id: string, metadata: Record<string, unknown>): Promise<void>;
  /** Deletes a thread and returns it, so an "Undo" can {@link ThreadStore.restore} it. */
  remove(id: string): Promise<Thread | undefined>;
  /** Puts threads back (undo) or in (import), merging with any stored copy of the same id. */
  restore(...threads: Thread[]): Promise<void>;
  /** Summaries whose title or text contain every word of `query`. */
  search(query: string): ThreadSummary[];
  /** Saves a chat's messages into the thread `id` (created when new), merged with the stored copy. */
  saveChat(id: string, chat: ThreadChat): Promise<void>;
  /** The thread store as a chat store's persistence: `createChatStore({ persistence: threads.persistence, conversationId })`. */
  readonly persistence: ChatPersistence;
  /** Stops listening to other tabs. */
  destroy(): void;
}

const CHANNEL_PREFIX = 'parley:threads:';

/** A storage's refusal as data: `quota` for a full disk (by the DOMException's name), else `storage`. */
export function toSaveError(cause: unknown, at: number): ThreadSaveError {
  const name = (cause as { name?: unknown } | null)?.name;
  const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
  const message = cause instanceof Error ? cause.message : String(cause);
  return { kind: quota ? 'quota' : 'storage', message: quota ? `Storage is full: ${message}` : message, at };
}

function sameMessages(a: Thread, b: Thread): boolean {
  const ids = Object.keys(a.messagesById);
  return (
    a.messageIds.join('\n') === b.messageIds.join('\n') &&
    ids.length === Object.keys(b.messagesById).length &&
    ids.every((id) => a.messagesById[id] === b.messagesById[id])
  );
}

/** A plain copy of a record that may be the chat's read-only streaming view. */
function plain<T extends object>(record: T): T {
  return { ...record };
}

/**
 * Creates a thread store.
 *
 * @example
 * const threads = createThreadStore(); // IndexedDB in browsers
 * const chat = createChatStore({ client, persistence: threads.persistence, conversationId: 'support' });
 * threads.subscribe((state) => renderSidebar(state.threads));
 */
export function createThreadStore(options: ThreadStoreOptions = {}): ThreadStore {
  const storage = options.storage ?? createDefaultThreadStorage();
  const now = options.now ?? Date.now;
  const newId = options.generateId ?? defaultGenerateId;
  const threads = new Map<string, Thread>();
  /** Message ids each thread's user (a chat store) has seen, so that what it lacks was deleted, not unseen. */
  const seen = new Map<string, Set<string>>();
  const threadListeners = new Map<string, Set<(thread: Thread | undefined) => void>>();
  const api = createStore<ThreadStoreState>()(() => ({
    status: 'loading',
    threads: [],
    issues: [],
    unsaved: {},
  }));
  let writes: Promise<unknown> = Promise.resolve();
  let destroyed = false;

  function publish(patch: Partial<ThreadStoreState> = {}): void {
    const summaries = [...threads.values()].map(toThreadSummary).sort(compareThreads);
    api.setState({ ...api.getState(), ...patch, threads: summaries });
  }
  function report(issues: ThreadIssue[]): void {
    if (issues.length === 0) return;
    api.setState({ ...api.getState(), issues: [...api.getState().issues, ...issues] });
    options.onIssues?.(issues);
  }
  function notifyThread(id: string): void {
    const thread = threads.get(id);
    const listeners = threadListeners.get(id);
    if (!listeners) return;
    if (thread) markSeen(id, thread);
    for (const listener of [...listeners]) listener(thread);
  }
  function markSeen(id: string, thread: Thread): void {
    const known = seen.get(id) ?? new Set();
    for (const messageId of Object.keys(thread.messagesById)) known.add(messageId);
    seen.set(id, known);
  }
  function parse(value: unknown, id: string | undefined): Thread | undefined {
    const { thread, issues } = parseThread(value, id);
    report(issues);
    return thread;
  }

  const channel =
    options.sync !== false && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(CHANNEL_PREFIX + (storage.name ?? 'default'))
      : undefined;
  /** Another tab changed `id`: merge what it stored into ours (or drop ours if it deleted the thread). */
  async function refresh(id: string): Promise<void> {
    const stored = await Promise.resolve(storage.get(id)).catch(() => undefined);
    if (destroyed) return;
    const theirs = stored === undefined ? undefined : parse(stored, id);
    const ours = threads.get(id);
    if (!theirs) {
      if (!ours || stored !== undefined) return;
      threads.delete(id);
    } else {
      threads.set(id, ours ? mergeThreads(ours, theirs) : theirs);
    }
    publish();
    notifyThread(id);
  }
  if (channel)
    channel.onmessage = (event: MessageEvent<{ id?: unknown }>) => {
      if (typeof event.data?.id === 'string') void refresh(event.data.id);
    };
  const unsubscribeStorage = storage.subscribe?.((id) => void refresh(id));

  const loading = (async () => {
    try {
      const records = await storage.getAll();
      for (const record of records) {
        const key = (record as { id?: unknown } | null)?.id;
        const thread = parse(record, typeof key === 'string' ? key : undefined);
        if (thread && !threads.has(thread.id)) threads.set(thread.id, thread);
      }
    } catch (cause) {
      report([{ path: '', message: `the storage could not be read: ${toSaveError(cause, now()).message}` }]);
    }
    publish({ status: 'ready' });
  })();

  /**
   * Writes `thread` merged with the stored copy, one write at a time. On success the merged result
   * (which may hold another tab's messages) becomes ours; on failure ours stays, marked unsaved.
   */
  function write(thread: Thread): Promise<void> {
    const job = writes.then(async () => {
      const change = (stored: unknown) =>
        mergeThreads(thread, stored === undefined ? undefined : parse(stored, thread.id));
      try {
        let merged: Thread;
        if (storage.update) merged = await storage.update(thread.id, change);
        else {
          merged = change(await storage.get(thread.id));
          await storage.put(merged);
        }
        const current = threads.get(thread.id);
        if (current) threads.set(thread.id, current === thread ? merged : mergeThreads(current, merged));
        const { [thread.id]: _, ...unsaved } = api.getState().unsaved;
        publish({ unsaved });
        if (!sameMessages(merged, thread)) notifyThread(thread.id);
        channel?.postMessage({ id: thread.id });
      } catch (cause) {
        const error = toSaveError(cause, now());
        publish({ unsaved: { ...api.getState().unsaved, [thread.id]: error } });
        options.onSaveError?.(thread.id, error, cause);
      }
    });
    writes = job;
    return job;
  }

  /** Changes a thread in memory at once (the UI follows without waiting), then writes it. */
  async function change(id: string, update: (thread: Thread) => Thread): Promise<void> {
    await loading;
    const current = threads.get(id);
    if (!current) return;
    const next = update(current);
    threads.set(id, next);
    publish();
    notifyThread(id);
    await write(next);
  }

  function newThread(init: ThreadInit): Thread {
    const at = now();
    const messages = init.messages ?? [];
    const thread: Thread = {
      version: THREAD_VERSION,
      id: init.id ?? newId(),
      title: init.title ?? '',
      createdAt: at,
      updatedAt: at,
      pinned: init.pinned ?? false,
      metadata: init.metadata ?? {},
      propertiesUpdatedAt: at,
      messageIds: messages.map((message) => message.id),
      messagesById: Object.fromEntries(messages.map((message) => [message.id, message])),
      branches: {},
      deletedIds: [],
    };
    if (!thread.title) thread.title = defaultTitle(thread);
    return thread;
  }

  async function saveChat(id: string, chat: ThreadChat): Promise<void> {
    await loading;
    const previous = threads.get(id) ?? newThread({ id });
    const messagesById = plain(chat.messagesById);
    const known = seen.get(id) ?? new Set(Object.keys(previous.messagesById));
    const deleted = [...known].filter((messageId) => !(messageId in messagesById));
    const changed =
      previous.messageIds.length !== chat.messageIds.length ||
      previous.messageIds.some((messageId, index) => chat.messageIds[index] !== messageId) ||
      Object.keys(messagesById).some(
        (messageId) => previous.messagesById[messageId] !== messagesById[messageId],
      ) ||
      deleted.length > 0;
    const next: Thread = {
      ...previous,
      messageIds: chat.messageIds.slice(),
      messagesById,
      branches: plain(chat.branches),
      deletedIds:
        deleted.length > 0 ? [...new Set([...previous.deletedIds, ...deleted])] : previous.deletedIds,
      updatedAt: changed ? Math.max(now(), previous.updatedAt) : previous.updatedAt,
    };
    if (chat.usage) next.usage = chat.usage;
    if (!next.title) next.title = defaultTitle(next);
    for (const messageId of deleted) known.delete(messageId);
    markSeen(id, next);
    threads.set(id, next);
    publish();
    await write(next);
  }

  const persistence: ChatPersistence = {
    async load(conversationId): Promise<PersistedChat | undefined> {
      await loading;
      const thread = threads.get(conversationId);
      if (!thread) return undefined;
      markSeen(conversationId, thread);
      const { messageIds, messagesById, branches } = thread;
      return { version: 1, messageIds, messagesById, branches };
    },
    save: (conversationId, chat) => saveChat(conversationId, chat),
    subscribe: (conversationId, listener) =>
      store.subscribeThread(conversationId, (thread) => {
        if (!thread) return;
        const { messageIds, messagesById, branches, deletedIds } = thread;
        listener({ version: 1, messageIds, messagesById, branches, deletedIds });
      }),
    remove: async (conversationId) => void (await store.remove(conversationId)),
  };

  const store: ThreadStore = {
    getState: () => api.getState(),
    subscribe: (listener) => api.subscribe(listener),
    ready: () => loading,
    get: (id) => threads.get(id),
    subscribeThread(id, listener) {
      const own = threadListeners.get(id) ?? new Set();
      threadListeners.set(id, own);
      own.add(listener);
      return () => own.delete(listener);
    },
    async create(init = {}) {
      await loading;
      const thread = newThread(init);
      markSeen(thread.id, thread);
      threads.set(thread.id, thread);
      publish();
      await write(thread);
      return threads.get(thread.id) ?? thread;
    },
    rename: (id, title) =>
      change(id, (thread) => ({
        ...thread,
        title: title.trim(),
        updatedAt: now(),
        propertiesUpdatedAt: now(),
      })),
    // Pinning does not move a thread in "last updated" order, so it keeps its time.
    pin: (id, pinned = true) => change(id, (thread) => ({ ...thread, pinned, propertiesUpdatedAt: now() })),
    setMetadata: (id, metadata) =>
      change(id, (thread) => ({ ...thread, metadata, propertiesUpdatedAt: now() })),
    async remove(id) {
      await loading;
      const thread = threads.get(id);
      threads.delete(id);
      seen.delete(id);
      publish();
      notifyThread(id);
      const job = writes.then(async () => {
        try {
          await storage.delete(id);
          channel?.postMessage({ id });
        } catch (cause) {
          options.onSaveError?.(id, toSaveError(cause, now()), cause);
        }
      });
      writes = job;
      await job;
      return thread;
    },
    async restore(...restored) {
      await loading;
      for (const thread of restored) {
        const current = threads.get(thread.id);
        const next = current ? mergeThreads(current, thread) : thread;
        threads.set(thread.id, next);
        markSeen(thread.id, next);
        notifyThread(thread.id);
      }
      publish();
      await Promise.all(restored.map((thread) => write(threads.get(thread.id) ?? thread)));
    },
    search(query) {
      return api.getState().threads.filter((summary) => {
        const thread = threads.get(summary.id);
        return thread !== undefined && matchesThread(thread, query);
      });
    },
    saveChat,
    persistence,
    destroy() {
      destroyed = true;
      channel?.close();
      unsubscribeStorage?.();
    },
  };
  return store;
}
