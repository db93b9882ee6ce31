/** @jsxImportSource ../jsx */
'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { composeEventHandlers, useLayoutEffect } from 'radix-ui/internal';
import * as React from 'react';
import { conversationLogProps, useMessageListContext } from './message-list-context.ts';

// A person "at the bottom" may be a few pixels off after a resize or a rounding; within this
// distance the list keeps following new content.
const BOTTOM_THRESHOLD_PX = 48;
// A first guess of a row's height before it is measured: a short message with its actions.
const ESTIMATED_ROW_PX = 120;
// How long after a wheel, touch, pointer or key event a scroll counts as the person's: smooth
// scrolling spreads one gesture over several frames of scroll events.
const INTENT_WINDOW_MS = 600;
// Keys that scroll a focused scroll container: they count as the person choosing where to look.
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);
// The longest a glide to the latest message may hold off following. Chromium's smooth scroll over
// thousands of pixels takes about a second; should the browser never report its end (no
// `scrollend`), following takes over again after this.
const GLIDE_MAX_MS = 1500;

/** Whether the person asked for less motion: then "Jump to latest" jumps instead of gliding. */
function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/* -------------------------------------------------------------------------------------------------
 * Viewport
 * -----------------------------------------------------------------------------------------------*/

export interface MessageListViewportProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /** Message ids in order; the list re-renders when this array changes, rows do not. */
  ids: readonly string[];
  /** Renders one row. Return a memoised component subscribed to its own message. */
  renderMessage: (id: string, index: number) => React.ReactNode;
  /** A guess of a row's height in pixels before it is measured. */
  estimateSize?: number | undefined;
  /** Rows rendered beyond the visible ones, in each direction. */
  overscan?: number | undefined;
}

interface ItemProps {
  id: string;
  index: number;
  measure: (node: HTMLElement | null) => void;
  renderMessage: (id: string, index: number) => React.ReactNode;
}

// Rows sit in normal flow inside one translated wrapper, so a row's props do not change as others
// resize: a streamed token re-renders the streaming row, not its neighbours.
const MessageListItem = React.memo(function MessageListItem({
  id,
  index,
  measure,
  renderMessage,
}: ItemProps) {
  return (
    <div data-slot="message-list-item" data-index={index} ref={measure}>
      {renderMessage(id, index)}
    </div>
  );
});

/**
 * The conversation: a focusable, keyboard-scrollable `role="log"`, virtualised with measured row
 * heights so a conversation of 10,000 messages opens fast. It stays pinned to the bottom while
 * content grows, until the person scrolls up; it then stays where they are.
 *
 * Its live region is off: a log would read every streamed token aloud. `MessageList.Announcer`
 * says when a reply is finished instead.
 */
export function MessageListViewport({
  ids,
  renderMessage,
  estimateSize = ESTIMATED_ROW_PX,
  overscan = 4,
  onScroll,
  onWheel,
  onPointerDown,
  onKeyDown,
  onTouchMove,
  ...props
}: MessageListViewportProps) {
  const { following, setFollowing, apiRef } = useMessageListContext('Viewport');
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const followingRef = React.useRef(following);
  followingRef.current = following;
  // Only a scroll the person caused may stop the list following: content growing or the
  // virtualiser correcting its estimates must not.
  const lastIntentRef = React.useRef(Number.NEGATIVE_INFINITY);
  // Until when a smooth scroll to the latest message is under way: the virtualiser owns the
  // position (and keeps aiming at the end as content grows) until it lands, so following must not
  // snap it. It ends at the bottom, at `scrollend`, when the person takes over, or at the latest
  // after GLIDE_MAX_MS.
  const glideUntilRef = React.useRef(0);
  const gliding = () => performance.now() < glideUntilRef.current;

  // Stable callbacks: the virtualiser recomputes every row's offset (a loop over the whole
  // conversation) whenever `getItemKey` changes identity, and the viewport re-renders on each
  // measurement of the streaming row, so an inline key function made every token cost O(messages).
  const getItemKey = React.useCallback((index: number) => ids[index] ?? index, [ids]);
  const estimate = React.useCallback(() => estimateSize, [estimateSize]);
  // The list opens at the latest message: its first render lays out the last rows, by their estimated
  // size in a viewport as high as the window, rather than the first ones (the virtualiser's default, at
  // offset 0 in a viewport of no height), which the scroll to the end then replaced: a restored
  // conversation's rows render and are measured once.
  const [initial] = React.useState(() => {
    const height = globalThis.innerHeight ?? 0;
    return { offset: Math.max(0, ids.length * estimateSize - height), rect: { width: 0, height } };
  });
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: estimate,
    getItemKey,
    overscan,
    initialOffset: initial.offset,
    initialRect: initial.rect,
  });

  const scrollToBottom = React.useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  React.useImperativeHandle(apiRef, () => ({
    scrollToLatest: () => {
      // Scroll events still in flight (a smooth scroll under way) must not undo this choice.
      lastIntentRef.current = Number.NEGATIVE_INFINITY;
      followingRef.current = true;
      setFollowing(true);
      const element = scrollRef.current;
      if (ids.length === 0 || !element) return;
      const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
      if (prefersReducedMotion() || distance <= 1) {
        glideUntilRef.current = 0;
        virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
        scrollToBottom();
      } else {
        glideUntilRef.current = performance.now() + GLIDE_MAX_MS;
        virtualizer.scrollToEnd({ behavior: 'smooth' });
      }
    },
  }));

  // A glide ends where the scrolling stops; if content grew past it meanwhile, the list catches up
  // at once and goes on following.
  React.useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const handleScrollEnd = () => {
      if (performance.now() >= glideUntilRef.current) return;
      glideUntilRef.current = 0;
      if (followingRef.current) scrollToBottom();
    };
    element.addEventListener('scrollend', handleScrollEnd);
    return () => element.removeEventListener('scrollend', handleScrollEnd);
  }, [scrollToBottom]);

  // Open at the latest message.
  const opened = React.useRef(false);
  useLayoutEffect(() => {
    if (opened.current || ids.length === 0) return;
    opened.current = true;
    virtualizer.scrollToIndex(ids.length - 1, { align: 'end' });
  });

  // After every render (new rows, a row measured taller), keep the bottom in view while following.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || !followingRef.current || gliding()) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight > 1) scrollToBottom();
  });

  const handleScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_THRESHOLD_PX;
    const byPerson = performance.now() - lastIntentRef.current < INTENT_WINDOW_MS;
    // A glide ends at the bottom, or where a wheel or a drag takes over from it.
    if (byPerson || element.scrollHeight - element.scrollTop - element.clientHeight <= 1) {
      glideUntilRef.current = 0;
    }
    if (atBottom && !followingRef.current) setFollowing(true);
    else if (!atBottom && followingRef.current && byPerson) setFollowing(false);
    else if (!atBottom && followingRef.current && !gliding()) scrollToBottom();
  };
  const markIntent = () => {
    lastIntentRef.current = performance.now();
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      role="log"
      {...conversationLogProps}
      ref={scrollRef}
      {...props}
      onScroll={composeEventHandlers(onScroll, handleScroll)}
      onWheel={composeEventHandlers(onWheel, markIntent)}
      onTouchMove={composeEventHandlers(onTouchMove, markIntent)}
      onPointerDown={composeEventHandlers(onPointerDown, markIntent)}
      onKeyDown={composeEventHandlers(onKeyDown, (event) => {
        if (event.target !== event.currentTarget || !SCROLL_KEYS.has(event.key)) return;
        markIntent();
        // Home and End go through the virtualiser: the browser's own smooth scroll towards rows
        // that are not measured yet is cut short by the virtualiser's corrections.
        if (event.key === 'End') {
          event.preventDefault();
          apiRef.current?.scrollToLatest();
        } else if (event.key === 'Home') {
          event.preventDefault();
          setFollowing(false);
          virtualizer.scrollToIndex(0, { align: 'start' });
        }
      })}
    >
      <div
        data-slot="message-list-sizer"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        <div
          data-slot="message-list-items"
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${items[0]?.start ?? 0}px)`,
          }}
        >
          {items.map((item) => {
            const id = ids[item.index];
            if (id === undefined) return null;
            return (
              <MessageListItem
                key={item.key}
                id={id}
                index={item.index}
                measure={virtualizer.measureElement}
                renderMessage={renderMessage}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
