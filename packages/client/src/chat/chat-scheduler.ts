/**
 * When the chat store tells its subscribers about new state. Streamed chunks can arrive faster
 * than a screen refreshes; coalescing notifications here, in the core, caps renders at one per
 * frame whatever the binding does (throttling in a hook cannot: vercel/ai PR #17890).
 */

/** Runs `flush` later; several calls before it runs may share one flush. */
export type ChatScheduler = (flush: () => void) => void;

// A hidden tab gets no animation frames; the timer keeps the state flowing there at a slower pace.
const FRAME_FALLBACK_MS = 50;

/**
 * The default: the next animation frame when a visible document has one, else a macrotask
 * (`setTimeout(0)`), which still coalesces every chunk decoded from one network read.
 */
export const frameScheduler: ChatScheduler = (flush) => {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
  if (!visible || typeof requestAnimationFrame !== 'function') {
    setTimeout(flush, 0);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(once);
  setTimeout(once, FRAME_FALLBACK_MS);
};

/** Notifies at once, for every change: what tests and server-side code usually want. */
export const syncScheduler: ChatScheduler = (flush) => flush();
