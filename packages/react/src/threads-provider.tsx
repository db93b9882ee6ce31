'use client';
/**
 * `ThreadsProvider` shares one thread store (the conversations of a sidebar) with the hooks below
 * it, so a list, the open thread and its chat all follow the same store.
 */
import { createThreadStore, type ThreadStore, type ThreadStoreOptions } from '@parley/client/chat';
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

const ThreadStoreContext = createContext<ThreadStore | undefined>(undefined);

/** Props of {@link ThreadsProvider}: a store made elsewhere, or the options to make one. */
export interface ThreadsProviderProps {
  store?: ThreadStore | undefined;
  /** What to create the store with (read once): `storage`, `sync`, `onIssues`, `onSaveError`... */
  options?: ThreadStoreOptions | undefined;
  children?: ReactNode | undefined;
}

/**
 * Provides a thread store to `useThreads` and `useThread`. Without `store` it creates one (IndexedDB
 * in browsers) on first render and stops listening to other tabs on unmount.
 *
 * @example
 * ```tsx
 * <ThreadsProvider>
 *   <Sidebar />
 *   <OpenThread />
 * </ThreadsProvider>
 * ```
 */
export function ThreadsProvider({ store, options, children }: ThreadsProviderProps) {
  const [own] = useState(() => (store ? undefined : createThreadStore(options)));
  // Destroyed a task after an unmount that lasts: StrictMode (development) unmounts the effects and mounts
  // them again at once, and the store this provider keeps must outlive that.
  const destroying = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (!own) return;
    clearTimeout(destroying.current);
    return () => {
      destroying.current = setTimeout(() => own.destroy());
    };
  }, [own]);
  return <ThreadStoreContext.Provider value={store ?? own}>{children}</ThreadStoreContext.Provider>;
}

/**
 * The given store, else the nearest {@link ThreadsProvider}'s.
 *
 * @throws {Error} when there is neither.
 * @example
 * ```tsx
 * const threads = useThreadStore();
 * <ChatProvider key={id} options={{ persistence: threads.persistence, conversationId: id }} />
 * ```
 */
export function useThreadStore(store?: ThreadStore): ThreadStore {
  const provided = useContext(ThreadStoreContext);
  const resolved = store ?? provided;
  if (!resolved)
    throw new Error('useThreads needs a <ThreadsProvider> above it (or pass a thread store to the hook).');
  return resolved;
}
