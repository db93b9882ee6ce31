'use client';
import * as React from 'react';

/** Imperative access to the list, for example to follow a message the person just sent. */
export interface MessageListApi {
  scrollToLatest: () => void;
}

export interface MessageListContextValue {
  following: boolean;
  setFollowing: (following: boolean) => void;
  apiRef: React.RefObject<MessageListApi | null>;
}
export const MessageListContext = React.createContext<MessageListContextValue | null>(null);

export function useMessageListContext(part: string): MessageListContextValue {
  const context = React.useContext(MessageListContext);
  if (!context) throw new Error(`<MessageList.${part}> must be inside <MessageList.Root>.`);
  return context;
}

/**
 * What makes the viewport (a `role="log"`, written out where it is rendered) the conversation: named,
 * focusable so the keyboard can scroll it, and with its live region off (a log would read every
 * streamed token aloud; `MessageList.Announcer` says when a reply is finished instead). The same
 * with or without messages.
 */
export const conversationLogProps = {
  'aria-label': 'Conversation',
  'aria-live': 'off',
  tabIndex: 0,
  'data-slot': 'message-list-viewport',
} as const;
