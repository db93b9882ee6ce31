/**
 * When and whom the chat store tells about new state. Streamed chunks can arrive faster than a
 * screen refreshes; coalescing notifications here, in the core, caps renders at one per frame
 * whatever the binding does (throttling in a hook cannot: vercel/ai PR #17890). Streamed deltas
 * are buffered and folded into state once per flush, so the state is rebuilt once per frame, not
 * once per token; and per-message listeners hear only about their own message.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatDeltaEvent, ChatEvent } from './chat-events.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';
import { reduceChat } from './reduce-chat.ts';

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

/** Listeners per message id, told only when their own message changes between two states. */
export function createMessageListeners() {
  const byId = new Map<string, Set<() => void>>();
  return {
    subscribe(messageId: string, listener: () => void): () => void {
      let listeners = byId.get(messageId);
      if (!listeners) {
        listeners = new Set();
        byId.set(messageId, listeners);
      }
      const own = listeners;
      own.add(listener);
      return () => {
        own.delete(listener);
        if (own.size === 0 && byId.get(messageId) === own) byId.delete(messageId);
      };
    },
    /**
     * Tells the listeners of each message that differs between two records, and of each streamed
     * message that differs from what it was before its tokens were folded in (`streamed`: a
     * streaming reply changes in place, so comparing the records cannot see it). While a reply
     * streams that is its id alone; when the record itself is replaced, every subscribed id is checked.
     */
    notify(
      previous: Record<string, ChatMessage>,
      next: Record<string, ChatMessage>,
      streamed: ReadonlyMap<string, ChatMessage | undefined>,
    ): void {
      if (byId.size === 0) return;
      const changed = new Set<string>();
      if (previous !== next) {
        for (const id of byId.keys()) if (previous[id] !== next[id]) changed.add(id);
      }
      for (const [id, before] of streamed) if (next[id] !== before) changed.add(id);
      for (const id of changed) {
        const listeners = byId.get(id);
        if (listeners) for (const listener of [...listeners]) listener();
      }
    },
  };
}

/** A store's state as its parts change it: through events, published to subscribers in batches. */
export interface ChatStateHolder {
  /** The read-only zustand store subscribers see. */
  api: StoreApi<ChatState>;
  /** The latest state, buffered deltas folded in: what actions act on (subscribers may lag a frame). */
  current(): ChatState;
  /** Applies one event now and schedules a notification. */
  dispatch(event: ChatEvent): void;
  /** Buffers streamed deltas, folded in at the next flush. */
  stream(events: readonly ChatDeltaEvent[]): void;
  /** Tells subscribers now. */
  publish(): void;
  /** Replaces the whole state (a conversation loaded asynchronously) and tells subscribers. */
  replace(state: ChatState): void;
  subscribeMessage(messageId: string, listener: () => void): () => void;
}

/** Holds a store's state; `scheduler` is read at each notification (default {@link frameScheduler}). */
export function createChatStateHolder(
  initial: ChatState,
  scheduler: () => ChatScheduler | undefined,
): ChatStateHolder {
  const api = createStore<ChatState>()(() => initial);
  const messageListeners = createMessageListeners();
  let state = initial;
  let deltas: ChatDeltaEvent[] = [];
  let scheduled = false;
  // Each streamed message as it was before its deltas since the last publish were folded in.
  let streamed = new Map<string, ChatMessage | undefined>();

  function current(): ChatState {
    if (deltas.length > 0) {
      const events = deltas;
      deltas = [];
      for (const event of events) {
        if (!streamed.has(event.messageId))
          streamed.set(event.messageId, state.messagesById[event.messageId]);
      }
      state = reduceChat(state, { type: 'batch', events });
    }
    return state;
  }
  function publish(): void {
    scheduled = false;
    current();
    const previous = api.getState();
    if (previous === state) return;
    const next = state;
    const folded = streamed;
    streamed = new Map();
    api.setState(next, true);
    messageListeners.notify(previous.messagesById, next.messagesById, folded);
  }
  function requestPublish(): void {
    if (scheduled) return;
    scheduled = true;
    (scheduler() ?? frameScheduler)(() => {
      if (scheduled) publish();
    });
  }
  return {
    api,
    current,
    publish,
    dispatch(event) {
      current();
      state = reduceChat(state, event);
      requestPublish();
    },
    stream(events) {
      deltas.push(...events);
      requestPublish();
    },
    replace(next) {
      deltas = [];
      state = next;
      publish();
    },
    subscribeMessage: (messageId, listener) => messageListeners.subscribe(messageId, listener),
  };
}
