'use client';
import type { ChatStore } from '@parley/client/chat';
import * as React from 'react';
import { type LazyComponent, LazyRender, lazyComponent } from '../lazy-component.tsx';
import { preloadMarkdown } from '../markdown/lazy-markdown.tsx';
import type { MessageRootProps } from '../message/message.tsx';
import { MessageListEmptyViewport } from '../message-list/message-list.tsx';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';

// An empty chat paints only an empty conversation and the composer. The virtualised list and a message
// row (its parts, actions, tool calls, outcome parts, the radix dialog, popover and collapsible they use;
// conversation-parts.ts) are one chunk, and the markdown renderer another: they start loading together
// when the person starts a message, or when a conversation has rows, so they are there by the time a row
// needs them. One chunk for the list and the row rather than two: a first open's second round of requests
// is one request shorter (past six, a browser waits for a free connection to an HTTP/1.1 server).
const conversationParts = () => import('./conversation-parts.ts');
const row = lazyComponent(() => conversationParts().then((module) => module.ChatMessageRoot));
// The list is shown once its rows can render for real: with the row (the same chunk) and the markdown
// renderer there (or failed: a row then shows its text until the renderer loads). The rows then render,
// are measured and are scrolled to once, rather than once as placeholders and again as they fill in.
const viewport = lazyComponent(() =>
  Promise.all([conversationParts(), preloadMarkdown().catch(() => undefined)]).then(
    ([module]) => module.MessageListViewport,
  ),
);

/** Starts loading the message row (once). */
export const loadMessageRow = row.preload;

/** Starts loading the virtualised list, the row and the markdown renderer (once). */
export const loadViewport = viewport.preload;

/** Starts loading what the rows render with (once); resolves when it is there, or could not be. */
export function preloadMessageParts(): Promise<void> {
  return Promise.all([viewport.preload(), row.preload()]).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Starts loading what rows render with as soon as the chat has a message, wherever its `Chat.Messages` is
 * (an app may load that part on demand itself): in the first render of a chat created with messages, or
 * the moment a saved conversation's messages are restored, rather than once the list has rendered.
 */
export function usePreloadOnMessages(store: ChatStore): void {
  if (store.getState().messageIds.length > 0) void preloadMessageParts();
  React.useEffect(() => {
    if (store.getState().messageIds.length > 0) return;
    const unsubscribe = store.subscribe((state) => {
      if (state.messageIds.length === 0) return;
      unsubscribe();
      void preloadMessageParts();
    });
    return unsubscribe;
  }, [store]);
}

/**
 * `Message.Root`, loaded on first use. Until it arrives, the row holds its place, busy, with nothing a
 * person could act on yet (a moment, and only for the first rows of a page).
 */
export function LazyMessageRoot(props: MessageRootProps) {
  return (
    <LazyRender
      from={row}
      props={props}
      fallback={
        <div
          data-slot="message"
          data-role={props.message.role}
          data-loading=""
          aria-busy="true"
          // A row of no height would never be rendered again by the virtualised list: one line's worth.
          style={{ minHeight: '2.5rem' }}
        />
      }
    />
  );
}

const notLoaded = () => undefined;

/**
 * `MessageList.Viewport` once loaded (with the first row, or as the person starts a message). Until
 * then, and should its download fail (the next message tries again), the same conversation log
 * stands empty in its place.
 */
export function LazyViewport(props: MessageListViewportProps) {
  return <SwappedViewport from={viewport} {...props} />;
}

/**
 * The swap itself, for any source of the list (the tests give it one that loads when they say). The
 * empty log is focusable like the list: a person who had tabbed to it keeps the focus on the log that
 * replaces it, rather than losing it to the page.
 */
export function SwappedViewport({
  from,
  ...props
}: MessageListViewportProps & { from: LazyComponent<MessageListViewportProps> }) {
  const generatedId = React.useId();
  const id = props.id ?? generatedId;
  const placeholder = React.useRef<HTMLDivElement>(null);
  const carryFocus = React.useRef(false);
  // Checked as the load settles, while the empty log is still in the page: once React has replaced it,
  // the focus it held is gone.
  const subscribe = React.useCallback(
    (listener: () => void) =>
      from.subscribe(() => {
        if (placeholder.current && placeholder.current === document.activeElement) carryFocus.current = true;
        listener();
      }),
    [from],
  );
  const Viewport = React.useSyncExternalStore(subscribe, from.loaded, notLoaded);
  React.useLayoutEffect(() => {
    if (!Viewport || !carryFocus.current) return;
    carryFocus.current = false;
    document.getElementById(id)?.focus({ preventScroll: true });
  }, [Viewport, id]);
  return Viewport ? <Viewport {...props} id={id} /> : <MessageListEmptyViewport ref={placeholder} id={id} />;
}
