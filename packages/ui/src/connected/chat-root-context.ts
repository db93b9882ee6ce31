'use client';
import * as React from 'react';

/**
 * What `Chat.Root` shares with its parts besides the store (which travels through `ChatProvider`):
 * the draft's textarea, so the error notice can return focus to it wherever the composer is placed.
 */
export const ChatDraftContext = React.createContext<React.RefObject<HTMLTextAreaElement | null> | null>(null);
