'use client';
import * as React from 'react';

/** A component that is a chunk of its own: `load` imports it on first render or on `preload`. */
export interface LazyComponent<P extends object> {
  /** Starts loading (once); a failed load (offline) is retried by the next call rather than cached. */
  preload(): Promise<React.ComponentType<P>>;
  /** The component, once loaded. */
  loaded(): React.ComponentType<P> | undefined;
  /** Suspends (for the nearest `Suspense`) until loaded. */
  Lazy: React.LazyExoticComponent<React.ComponentType<P>>;
}

export function lazyComponent<P extends object>(
  load: () => Promise<React.ComponentType<P>>,
): LazyComponent<P> {
  let loading: Promise<React.ComponentType<P>> | undefined;
  let component: React.ComponentType<P> | undefined;
  const preload = () => {
    loading ??= load().then((loaded) => {
      component = loaded;
      return loaded;
    });
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  return {
    preload,
    loaded: () => component,
    Lazy: React.lazy(() => preload().then((loaded) => ({ default: loaded }))),
  };
}

/**
 * Renders `from` with `props`, suspending (for the nearest `Suspense`) until it is loaded; once loaded, it
 * renders at once. (A row that mounted while loading mounts its content once more when it re-renders
 * after the load: a moment after it first appeared, before anyone could have changed its state.)
 */
export function LazyRender<P extends object>({ from, props }: { from: LazyComponent<P>; props: P }) {
  const Loaded = from.loaded();
  return Loaded ? <Loaded {...props} /> : <from.Lazy {...props} />;
}
