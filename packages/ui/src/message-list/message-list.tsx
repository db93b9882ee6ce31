/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage } from '@parley/client/chat';
import { Slot, VisuallyHidden } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import { ArrowDownIcon } from '../icons.tsx';
import { announcementFor } from './announce.ts';
import {
  conversationLogProps,
  type MessageListApi,
  MessageListContext,
  useMessageListContext,
} from './message-list-context.ts';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface MessageListRootProps extends React.ComponentProps<'div'> {
  /** Receives `scrollToLatest()`. */
  apiRef?: React.Ref<MessageListApi> | undefined;
}

/**
 * Holds a conversation's viewport, its "Jump to latest" button and its announcer, and the one bit
 * of state they share: whether the list follows new content (`data-following`).
 *
 * @example
 * <MessageList.Root>
 *   <MessageList.Viewport ids={ids} renderMessage={(id) => <Row id={id} />} />
 *   <MessageList.JumpToLatest />
 *   <MessageList.Announcer message={lastMessage} />
 * </MessageList.Root>
 */
export function MessageListRoot({ apiRef: apiRefProp, ...props }: MessageListRootProps) {
  const [following, setFollowing] = React.useState(true);
  const apiRef = React.useRef<MessageListApi>(null);
  React.useImperativeHandle(
    apiRefProp,
    () => ({ scrollToLatest: () => apiRef.current?.scrollToLatest() }),
    [],
  );
  const context = React.useMemo(() => ({ following, setFollowing, apiRef }), [following]);
  return (
    <MessageListContext.Provider value={context}>
      <div data-slot="message-list" data-following={following ? '' : undefined} {...props} />
    </MessageListContext.Provider>
  );
}

/**
 * The viewport of a conversation before its virtualised list is there: the same focusable `role="log"`
 * as `MessageList.Viewport`, without the virtualiser, which `Chat.Messages` loads with the first row.
 * Empty, or with the rows it is given (`Chat.Messages`' preview of a saved conversation).
 */
export function MessageListEmptyViewport(props: React.ComponentProps<'div'>) {
  return <div role="log" {...conversationLogProps} {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * JumpToLatest
 * -----------------------------------------------------------------------------------------------*/

/**
 * "Jump to latest": shown once the person has scrolled away from the bottom; brings them back with
 * a smooth scroll (a jump when they prefer reduced motion), after which the list follows new
 * content again.
 */
export function MessageListJumpToLatest({
  asChild,
  onClick,
  children,
  ...props
}: React.ComponentProps<'button'> & { asChild?: boolean }) {
  const { following, apiRef } = useMessageListContext('JumpToLatest');
  if (following) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type={asChild ? undefined : 'button'}
      data-slot="message-list-jump"
      {...props}
      onClick={composeEventHandlers(onClick, (event: React.MouseEvent<HTMLButtonElement>) => {
        apiRef.current?.scrollToLatest();
        // The button disappears; keep focus in the conversation rather than losing it to the page.
        const log = event.currentTarget
          .closest('[data-slot="message-list"]')
          ?.querySelector<HTMLElement>('[role="log"]');
        // Without preventScroll, focusing cancels the smooth scroll that has just started.
        log?.focus({ preventScroll: true });
      })}
    >
      {children ?? (
        <>
          <ArrowDownIcon />
          Jump to latest
        </>
      )}
    </Component>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Announcer
 * -----------------------------------------------------------------------------------------------*/

export interface MessageListAnnouncerProps extends Omit<React.ComponentProps<'span'>, 'children'> {
  /** The latest message; announced once when it finishes streaming. */
  message: ChatMessage | undefined;
}

/**
 * A visually hidden polite status that says "Assistant replied: …" once, when a reply finishes,
 * instead of letting a screen reader read every token. Silent for an ending the reply's own notice
 * announces (a failure, a length cut, a content filter stop), so one ending is heard once.
 */
export function MessageListAnnouncer({ message, ...props }: MessageListAnnouncerProps) {
  const [announcement, setAnnouncement] = React.useState('');
  const previous = React.useRef<{ id: string; status: ChatMessage['status'] } | undefined>(undefined);
  React.useEffect(() => {
    if (!message) return;
    const before = previous.current;
    previous.current = { id: message.id, status: message.status };
    const wasLive =
      before?.id === message.id && (before.status === 'streaming' || before.status === 'pending');
    if (wasLive && message.status !== 'streaming' && message.status !== 'pending') {
      setAnnouncement(announcementFor(message));
    }
  }, [message]);
  return (
    <VisuallyHidden.Root
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-slot="message-list-announcer"
      {...props}
    >
      {announcement}
    </VisuallyHidden.Root>
  );
}
