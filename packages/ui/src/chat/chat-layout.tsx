'use client';
import type { ChatStatus } from '@parley/client/chat';
import type * as React from 'react';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ChatLayoutRootProps extends React.ComponentProps<'section'> {
  /** The chat's status, stamped as `data-status` for styling. */
  status?: ChatStatus;
}

/**
 * The frame of a chat: the conversation above, the error notice and composer below. Presentational;
 * the one-tag `<Chat>` in `@parley/ui/connected` fills it from a store.
 *
 * @example
 * <ChatLayout.Root aria-label="Support chat">
 *   <ChatLayout.Body><MessageList … /></ChatLayout.Body>
 *   <ChatLayout.Footer><ErrorNotice.Root … /><Composer.Root … /></ChatLayout.Footer>
 * </ChatLayout.Root>
 */
export function ChatLayoutRoot({ status, ...props }: ChatLayoutRootProps) {
  return <section data-slot="chat" data-status={status} aria-label="Chat" {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * Body, Footer
 * -----------------------------------------------------------------------------------------------*/

/** Holds the conversation and takes the space left over by the footer. */
export function ChatLayoutBody(props: React.ComponentProps<'div'>) {
  return <div data-slot="chat-body" {...props} />;
}

/** Holds the error notice and the composer, under the conversation. */
export function ChatLayoutFooter(props: React.ComponentProps<'div'>) {
  return <div data-slot="chat-footer" {...props} />;
}

export { ChatLayoutBody as Body, ChatLayoutFooter as Footer, ChatLayoutRoot as Root };
