'use client';
import * as React from 'react';
import type { ComposerApi } from '../composer/composer.tsx';

/** The draft's text as the chat's composer last reported it, for parts that follow it (the context meter). */
export interface DraftText {
  get(): string;
  subscribe(listener: () => void): () => void;
  /** Called by `Chat.Composer` whenever its draft changes. */
  set(text: string): void;
}

/** A {@link DraftText} for one `Chat.Root`. */
export function createDraftText(): DraftText {
  let text = '';
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === text) return;
      text = next;
      for (const listener of listeners) listener();
    },
  };
}

/**
 * What `Chat.Root` shares with its parts besides the store (which travels through `ChatProvider`):
 * the draft's textarea, so focus can return to it wherever the composer is placed; the composer's
 * API, so Rephrase can put a message back in the draft; the draft's text, followed by the context
 * meter; the app's way to change the API key, offered when the server refuses it; and the
 * conversation's id.
 */
export interface ChatRootContextValue {
  draftRef: React.RefObject<HTMLTextAreaElement | null>;
  composerRef: React.RefObject<ComposerApi | null>;
  draftText: DraftText;
  onChangeKey: (() => void) | undefined;
  /** The conversation's id when `Chat.Root` made the store from `options`: exports keep it. */
  conversationId: string | undefined;
}

export const ChatRootContext = React.createContext<ChatRootContextValue | null>(null);
