/**
 * `createThreadStore`: many conversations, kept in a {@link ThreadStorage}. It loads every thread
 * once (validated and migrated, unreadable parts reported, never thrown), keeps them in memory,
 * and writes each change by merging it with what is stored, so another tab's messages are never
 * overwritten. Tabs tell each other about changes over a `BroadcastChannel`. A write the storage
 * refuses (quota, blocked storage) leaves the thread in memory and marks it unsaved until a later
 * write succeeds. Deleting leaves a tombstone (`thread-tombstone.ts`), so a stale tab's save is
 * refused (marked `deleted`) instead of bringing the thread back.
 */
import { createStore } from 'zustand/vanilla';
import { defaultGenerateId } from '../chat-runner.ts';
import { mergeThreads } from './merge-thread.ts';
import { createThreadPersistence, type SaveFailure } from './thread-persistence.ts';
import { createDefaultThreadStorage } from './thread-storages.ts';
import { compareThreads, defaultTitle, matchesThread, toThreadSummary } from './thread-summary.ts';
import {
  isStaleCopy,
  isTombstone,
  ThreadDeletedError,
  TOMBSTONE_TTL_MS,
  toSaveError,
  toTombstone,
} from './thread-tombstone.ts';
import {
  THREAD_VERSION,
  type Thread,
  type ThreadChat,
  type ThreadInit,
  type ThreadIssue,
  type ThreadSaveError,
  type ThreadStore,
  type ThreadStoreOptions,
  type ThreadStoreState,
} from './thread-types.ts';
import { parseThread } from './validate-thread.ts';

const CHANNEL_PREFIX = 'parley:threads:';

const DELETED_ELSEWHERE =
  'This conversation was deleted in another tab or window, so changes here are no longer saved.';

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

function newThread(init: ThreadInit, id: string, at: number): Thread {
  const messages = init.messages ?? [];
  const thread: Thread = {
    version: THREAD_VERSION,
    id,
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
  /** When each thread this store knows to be deleted was deleted (from tombstones, here or in storage). */
  const tombstones = new Map<string, number>();
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
  function setUnsaved(id: string, error: ThreadSaveError | undefined): Record<string, ThreadSaveError> {
    const { [id]: _, ...rest } = api.getState().unsaved;
    return error ? { ...rest, [id]: error } : rest;
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
  /** Drops a deleted thread from memory; an open copy (one with listeners) is marked `deleted`. */
  function forget(id: string, error: ThreadSaveError): void {
    tombstones.set(id, error.at);
    threads.delete(id);
    seen.delete(id);
    const open = (threadListeners.get(id)?.size ?? 0) > 0;
    publish(open ? { unsaved: setUnsaved(id, error) } : {});
    notifyThread(id);
  }

  const channel =
    options.sync !== false && typeof BroadcastChannel !== 'undefined'
      ? new BroadcastChannel(CHANNEL_PREFIX + (storage.name ?? 'default'))
      : undefined;
  /** Tells other tabs `id` changed in storage (not once destroyed: its channel is closed then, and the write itself stands). */
  function broadcast(id: string): void {
    if (!destroyed) channel?.postMessage({ id });
  }
  /** Another tab changed `id`: merge what it stored into ours (or drop ours if it deleted the thread). */
  async function refresh(id: string): Promise<void> {
    let stored: unknown;
    try {
      stored = await storage.get(id);
    } catch {
      return; // unreadable now: keep ours rather than take it for a deletion
    }
    if (destroyed) return;
    const ours = threads.get(id);
    if (isTombstone(stored)) {
      tombstones.set(id, stored.deletedAt);
      if (ours && isStaleCopy(ours, stored.deletedAt))
        forget(id, { kind: 'deleted', message: DELETED_ELSEWHERE, at: stored.deletedAt });
      return;
    }
    const theirs = stored === undefined ? undefined : parse(stored, id);
    if (!theirs) {
      if (!ours || stored !== undefined) return;
      threads.delete(id);
    } else {
      tombstones.delete(id);
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

  /** One storage call at a time, in order, so a delete and a save of one thread cannot cross. */
  function queue<T>(job: () => Promise<T>): Promise<T> {
    const next = writes.then(job);
    writes = next.catch(() => undefined);
    return next;
  }

  const loading = (async () => {
    const expired: string[] = [];
    try {
      const records = await storage.getAll();
      for (const record of records) {
        if (isTombstone(record)) {
          if (record.deletedAt + (options.tombstoneTtl ?? TOMBSTONE_TTL_MS) < now()) expired.push(record.id);
          else tombstones.set(record.id, record.deletedAt);
          continue;
        }
        const key = (record as { id?: unknown } | null)?.id;
        const thread = parse(record, typeof key === 'string' ? key : undefined);
        if (thread && !threads.has(thread.id)) threads.set(thread.id, thread);
      }
    } catch (cause) {
      report([{ path: '', message: `the storage could not be read: ${toSaveError(cause, now()).message}` }]);
    }
    publish({ status: 'ready' });
    // Old tombstones go for good; failing that, they are tried again at the next load.
    for (const id of expired) void queue(async () => storage.delete(id)).catch(() => undefined);
  })();

  /**
   * Writes `thread` merged with the stored copy, one write at a time. On success the merged result
   * (which may hold another tab's messages) becomes ours; on failure ours stays, marked unsaved,
   * except that a copy of a thread deleted since is dropped (`restore` writes it anyway).
   */
  function write(thread: Thread, restore = false): Promise<SaveFailure | undefined> {
    return queue(async () => {
      const change = (stored: unknown): Thread => {
        if (!isTombstone(stored))
          return mergeThreads(thread, stored === undefined ? undefined : parse(stored, thread.id));
        if (!restore && isStaleCopy(thread, stored.deletedAt))
          throw new ThreadDeletedError(thread.id, stored.deletedAt);
        return thread;
      };
      try {
        let merged: Thread;
        if (storage.update) merged = await storage.update(thread.id, change);
        else {
          merged = change(await storage.get(thread.id));
          await storage.put(merged);
        }
        tombstones.delete(thread.id);
        const current = threads.get(thread.id);
        if (current) threads.set(thread.id, current === thread ? merged : mergeThreads(current, merged));
        publish({ unsaved: setUnsaved(thread.id, undefined) });
        if (!sameMessages(merged, thread)) notifyThread(thread.id);
        broadcast(thread.id);
        return undefined;
      } catch (cause) {
        return refused(thread.id, cause);
      }
    });
  }

  function refused(id: string, cause: unknown): SaveFailure {
    const error = toSaveError(cause, now());
    if (error.kind === 'deleted') forget(id, error);
    else publish({ unsaved: setUnsaved(id, error) });
    options.onSaveError?.(id, error, cause);
    return { error, cause };
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

  async function saveChat(id: string, chat: ThreadChat, restore = false): Promise<SaveFailure | undefined> {
    await loading;
    const deletedAt = tombstones.get(id);
    // A stale copy of a thread known to be deleted is refused here, without showing it again first.
    if (!restore && !threads.has(id) && deletedAt !== undefined && isStaleCopy(chat, deletedAt))
      return refused(id, new ThreadDeletedError(id, deletedAt));
    const previous = threads.get(id) ?? newThread({}, id, now());
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
    const failure = await write(next, restore);
    // Brought back: the chat's own copy is current again.
    if (!failure && restore) notifyThread(id);
    return failure;
  }

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
      const thread = newThread(init, init.id ?? newId(), now());
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
      const deletedAt = now();
      forget(id, { kind: 'deleted', message: new ThreadDeletedError(id, deletedAt).message, at: deletedAt });
      await queue(async () => {
        try {
          // A tombstone, not nothing: a tab that still has the thread open must not save it back.
          await storage.put(toTombstone(id, deletedAt));
          broadcast(id);
        } catch (cause) {
          options.onSaveError?.(id, toSaveError(cause, now()), cause);
          // A full storage refuses even a tombstone: deleting the record at least keeps the thread
          // from coming back at the next load (and frees the space).
          await Promise.resolve(storage.delete(id)).then(
            () => broadcast(id),
            () => undefined,
          );
        }
      });
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
      publish({
        unsaved: restored.reduce((unsaved, thread) => {
          const { [thread.id]: _, ...rest } = unsaved;
          return rest;
        }, api.getState().unsaved),
      });
      await Promise.all(restored.map((thread) => write(threads.get(thread.id) ?? thread, true)));
    },
    search(query) {
      return api.getState().threads.filter((summary) => {
        const thread = threads.get(summary.id);
        return thread !== undefined && matchesThread(thread, query);
      });
    },
    saveChat: async (id, chat, saveOptions) => void (await saveChat(id, chat, saveOptions?.restore)),
    persistence: createThreadPersistence({
      ready: () => loading,
      get: (id) => threads.get(id),
      markSeen,
      saveChat,
      subscribeThread: (id, listener) => store.subscribeThread(id, listener),
      remove: (id) => store.remove(id),
    }),
    destroy() {
      destroyed = true;
      channel?.close();
      unsubscribeStorage?.();
    },
  };
  return store;
}
