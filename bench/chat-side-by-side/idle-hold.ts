// Idle callbacks held while an open's CPU time is read. The benchmark reads Chromium's CPU counters over
// CDP once the page says the open is painted; during that round trip the page is idle, and work it had
// deferred until then (parley-chat's full rows taking over from its preview) ran and was counted as the
// open's. While held, `requestIdleCallback` queues the callback (cancellable as usual); `releaseIdle()`
// hands the queue to the browser. Only idle callbacks wait: tasks, timers and frames run as always.

const nativeRequest = window.requestIdleCallback.bind(window);
const nativeCancel = window.cancelIdleCallback.bind(window);
/** Held callbacks by the handle given out for them (negative, so never a browser's handle). */
const held = new Map<number, () => number>();
/** Handles given out while holding, once released: the browser's handles for them. */
const released = new Map<number, number>();
let holding = false;
let nextHandle = -1;

window.requestIdleCallback = (callback, options) => {
  if (!holding) return nativeRequest(callback, options);
  const handle = nextHandle--;
  held.set(handle, () => nativeRequest(callback, options));
  return handle;
};

window.cancelIdleCallback = (handle) => {
  if (held.delete(handle)) return;
  const native = released.get(handle);
  released.delete(handle);
  nativeCancel(native ?? handle);
};

/** From now until releaseIdle(), idle callbacks wait. */
export function holdIdle(): void {
  holding = true;
}

/** The held idle callbacks go to the browser, in the order they were asked for. */
export function releaseIdle(): void {
  holding = false;
  for (const [handle, schedule] of held) released.set(handle, schedule());
  held.clear();
}
