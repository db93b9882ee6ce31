/** @jsxImportSource ../jsx */
'use client';
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
// The list is shown once its rows can render for real: with the row (the same chunk, and its own load
// settled, so that a row's first render is the row) and the markdown renderer there (or failed: a row then
// shows its text until the renderer loads). The rows then render in the list's own render, which a transition
// (the preview's takeover) splits into short tasks, are measured and are scrolled to once; rather than as
// placeholders first and then all together, in one task, as the row's load settles (a task of 50-105 ms in
// 9 of 24 first opens of bench/chat-side-by-side, against 1 of 24 this way).
export const conversationList: LazyComponent<MessageListViewportProps> = lazyComponent(() =>
  Promise.all([
    conversationParts(),
    preloadMarkdown().catch(() => undefined),
    row.preload().catch(() => undefined),
  ]).then(([module]) => module.MessageListViewport),
);

/** Whether the virtualised list has loaded in this page. */
export const viewportLoaded = () => conversationList.loaded() !== undefined;

/** Starts loading what the rows render with (once); resolves when it is there, or could not be. */
export function preloadMessageParts(): Promise<void> {
  return Promise.all([conversationList.preload(), row.preload()]).then(
    () => undefined,
    () => undefined,
  );
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

/** `MessageList.Viewport`'s props, and what to show in the conversation log until it takes over. */
export interface LazyViewportProps extends MessageListViewportProps {
  /**
   * Rows drawn in the log while the list is not shown (see conversation-preview.tsx); while given, the list
   * does not take over, even once loaded.
   */
  preview?: React.ReactNode | undefined;
}

/**
 * `MessageList.Viewport` once loaded (with the first row, or as the person starts a message). Until
 * then, and should its download fail (the next message tries again), the same conversation log
 * stands in its place, empty or with the preview.
 */
export function LazyViewport(props: LazyViewportProps) {
  return <SwappedViewport from={conversationList} {...props} />;
}

/**
 * The swap itself, for any source of the list (the tests give it one that loads when they say). The
 * stand-in log is focusable like the list: a person who had tabbed to it keeps the focus on the log that
 * replaces it, rather than losing it to the page.
 */
export function SwappedViewport({
  from,
  preview,
  ...props
}: LazyViewportProps & { from: LazyComponent<MessageListViewportProps> }) {
  const generatedId = React.useId();
  const id = props.id ?? generatedId;
  const carryFocus = React.useRef(false);
  const standIn = React.useRef<HTMLDivElement | null>(null);
  // React lets go of the stand-in before it takes it out of the page: the focus it holds is still there.
  const holdStandIn = React.useCallback((node: HTMLDivElement | null) => {
    if (!node && standIn.current && standIn.current === document.activeElement) carryFocus.current = true;
    standIn.current = node;
  }, []);
  const Viewport = React.useSyncExternalStore(from.subscribe, from.loaded, notLoaded);
  const shown = Viewport !== undefined && preview === undefined;
  React.useLayoutEffect(() => {
    if (!shown || !carryFocus.current) return;
    carryFocus.current = false;
    document.getElementById(id)?.focus({ preventScroll: true });
  }, [shown, id]);
  // The preview opens at the latest message, as the list does.
  const withPreview = preview !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: again when the messages change
  React.useLayoutEffect(() => {
    const log = standIn.current;
    if (withPreview && log) log.scrollTop = log.scrollHeight;
  }, [withPreview, props.ids]);
  return shown ? (
    <Viewport {...props} id={id} />
  ) : (
    <MessageListEmptyViewport ref={holdStandIn} id={id}>
      {preview}
    </MessageListEmptyViewport>
  );
}
