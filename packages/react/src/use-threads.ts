'use client';
/** `useThreads()` and `useThread(id)`: the thread store's list and one thread, for React. */
import type {
  Thread,
  ThreadSaveError,
  ThreadStore,
  ThreadStoreState,
  ThreadSummary,
} from '@parley/client/chat';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useThreadStore } from './threads-provider.tsx';

/** What {@link useThreads} returns. */
export interface UseThreadsResult extends ThreadStoreState {
  /** The threads to show: all of them, or those matching `query`, pinned first then last updated. */
  visible: ThreadSummary[];
  store: ThreadStore;
  create: ThreadStore['create'];
  rename: ThreadStore['rename'];
  pin: ThreadStore['pin'];
  remove: ThreadStore['remove'];
  restore: ThreadStore['restore'];
}

/**
 * The list of threads, re-rendering when it changes here or in another tab.
 *
 * @param options.query search words: `visible` holds the threads whose title or text contain all of them.
 * @param store a thread store; default the nearest `ThreadsProvider`'s.
 * @example
 * ```tsx
 * const { visible, status, unsaved, create, remove, restore } = useThreads({ query });
 * ```
 */
export function useThreads(
  options: { query?: string | undefined } = {},
  store?: ThreadStore,
): UseThreadsResult {
  const threads = useThreadStore(store);
  const state = useSyncExternalStore(threads.subscribe, threads.getState, threads.getState);
  const query = options.query?.trim() ?? '';
  // `state` is a new object on every change, so the search runs once per change, not per render.
  const visible = useMemo(() => (query ? threads.search(query) : state.threads), [threads, state, query]);
  return {
    ...state,
    visible,
    store: threads,
    create: threads.create,
    rename: threads.rename,
    pin: threads.pin,
    remove: threads.remove,
    restore: threads.restore,
  };
}

/** What {@link useThread} returns. */
export interface UseThreadResult {
  /** The whole thread (every message and branch), or `undefined` while loading or once deleted. */
  thread: Thread | undefined;
  /** Set while the thread's latest change has not reached storage ("not saved"). */
  unsaved: ThreadSaveError | undefined;
  status: ThreadStoreState['status'];
  rename(title: string): Promise<void>;
  pin(pinned?: boolean): Promise<void>;
  remove(): Promise<Thread | undefined>;
}

/**
 * One thread, re-rendering when it changes here or in another tab.
 *
 * @example
 * ```tsx
 * const { thread, unsaved } = useThread(id);
 * return <h1>{thread?.title}{unsaved && ' (not saved)'}</h1>;
 * ```
 */
export function useThread(id: string | undefined, store?: ThreadStore): UseThreadResult {
  const threads = useThreadStore(store);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offList = threads.subscribe(listener);
      const offThread = id === undefined ? undefined : threads.subscribeThread(id, listener);
      return () => {
        offList();
        offThread?.();
      };
    },
    [threads, id],
  );
  const getThread = () => (id === undefined ? undefined : threads.get(id));
  const thread = useSyncExternalStore(subscribe, getThread, getThread);
  const unsaved = useSyncExternalStore(
    threads.subscribe,
    () => (id === undefined ? undefined : threads.getState().unsaved[id]),
    () => undefined,
  );
  const status = useSyncExternalStore(
    threads.subscribe,
    () => threads.getState().status,
    () => 'loading' as const,
  );
  return useMemo(
    () => ({
      thread,
      unsaved,
      status,
      rename: (title: string) => (id === undefined ? Promise.resolve() : threads.rename(id, title)),
      pin: (pinned?: boolean) => (id === undefined ? Promise.resolve() : threads.pin(id, pinned)),
      remove: () => (id === undefined ? Promise.resolve(undefined) : threads.remove(id)),
    }),
    [thread, unsaved, status, threads, id],
  );
}
