'use client';
import { LazyRender, lazyComponent } from '../lazy-component.tsx';
import { preloadMarkdown } from '../markdown/lazy-markdown.tsx';
import type { MessageRootProps } from '../message/message.tsx';

// An empty chat paints only the list and the composer. A message row (its parts, actions, tool calls,
// outcome parts, the radix dialog, popover and collapsible they use, and react-query for the prices of a
// reply whose cost the server did not report) is a chunk of its own, and the markdown renderer another:
// both start loading when the person starts a message, or when a restored conversation shows its first
// row, so they are there by the time a row needs them.
const row = lazyComponent(() => import('./chat-message-root.tsx').then((module) => module.ChatMessageRoot));

/** Starts loading the message row (once). */
export const loadMessageRow = row.preload;

/** Starts loading what a message row renders with (once); resolves when it is there, or could not be. */
export function preloadMessageParts(): Promise<void> {
  return Promise.all([row.preload(), preloadMarkdown()]).then(
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
