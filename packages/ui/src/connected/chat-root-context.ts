'use client';
import * as React from 'react';

/**
 * What `Chat.Root` shares with its parts besides the store (which travels through `ChatProvider`):
 * the draft's textarea, so focus can return to it wherever the composer is placed, the app's
 * way to change the API key, offered when the server refuses it, and the conversation's id.
 */
export interface ChatRootContextValue {
  draftRef: React.RefObject<HTMLTextAreaElement | null>;
  onChangeKey: (() => void) | undefined;
  /** The conversation's id when `Chat.Root` made the store from `options`: exports keep it. */
  conversationId: string | undefined;
}

export const ChatRootContext = React.createContext<ChatRootContextValue | null>(null);
