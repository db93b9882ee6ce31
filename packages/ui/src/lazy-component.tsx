/** @jsxImportSource ./jsx */
'use client';
import * as React from 'react';

/** Where a lazy component's load stands: not there yet, there, or failed (until the next attempt). */
type LoadState<P> =
  | { status: 'pending' }
  | { status: 'loaded'; component: React.ComponentType<P> }
  | { status: 'failed'; error: unknown };

const PENDING = { status: 'pending' } as const;

/** A component that is a chunk of its own: `load` imports it on first render or on `preload`. */
export interface LazyComponent<P extends object> {
  /** Starts loading (once); a failed load (offline) is retried by the next call rather than cached. */
  preload(): Promise<React.ComponentType<P>>;
  /** The component, once loaded. */
  loaded(): React.ComponentType<P> | undefined;
  /** Where the load stands; the same object until it changes (a `useSyncExternalStore` snapshot). */
  state(): LoadState<P>;
  /** Calls `listener` whenever the state changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function lazyComponent<P extends object>(
  load: () => Promise<React.ComponentType<P>>,
): LazyComponent<P> {
  let loading: Promise<React.ComponentType<P>> | undefined;
  let state: LoadState<P> = PENDING;
  const listeners = new Set<() => void>();
  const settle = (next: LoadState<P>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const preload = () => {
    if (!loading) {
      if (state.status === 'failed') settle(PENDING);
      loading = load().then(
        (component) => {
          settle({ status: 'loaded', component });
          return component;
        },
        (error: unknown) => {
          loading = undefined;
          settle({ status: 'failed', error });
          throw error;
        },
      );
      // The caller may not wait for it; the failure is reported through `state`.
      loading.catch(() => undefined);
    }
    return loading;
  };
  return {
    preload,
    loaded: () => (state.status === 'loaded' ? state.component : undefined),
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const pendingOnServer = () => PENDING;
const notLoaded = () => undefined;

/**
 * The component once `from` has loaded, else `undefined` (also on the server); re-renders when it arrives.
 * For a part that starts the load itself (on a hover, a press) and shows nothing of its own until then.
 */
export function useLoaded<P extends object>(from: LazyComponent<P>): React.ComponentType<P> | undefined {
  return React.useSyncExternalStore(from.subscribe, from.loaded, notLoaded);
}

/**
 * Renders `from` with `props` once it is loaded, and `fallback` until then; a failed load throws its error
 * to the nearest error boundary (a message's shows its text, escaped).
 *
 * Why not `React.lazy` in a `Suspense`: React holds back the content of a boundary that showed its fallback
 * until 300 ms after that fallback appeared (it batches reveals), so the first rows of a page, which all
 * wait for the same chunk, were painted 300 ms after the chunk arrived. A plain re-render when the load
 * settles is not held back: the rows paint in the frame after their chunk is there.
 */
export function LazyRender<P extends object>({
  from,
  props,
  fallback,
}: {
  from: LazyComponent<P>;
  props: P;
  fallback: React.ReactNode;
}) {
  const state = React.useSyncExternalStore(from.subscribe, from.state, pendingOnServer);
  if (state.status === 'loaded') {
    const Loaded = state.component;
    return <Loaded {...props} />;
  }
  if (state.status === 'failed') throw state.error;
  // Idempotent: the first render of any row starts the load that every other row waits for.
  void from.preload();
  return fallback;
}
