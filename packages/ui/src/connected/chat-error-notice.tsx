'use client';
import type { ChatStore } from '@parley/client/chat';
import { useChatError, useChatPendingRetry, useChatStore } from '@parley/react';
import * as React from 'react';
import { ErrorNoticeRoot, type ErrorNoticeRootProps } from '../error-notice/error-notice.tsx';
import { ChatDraftContext } from './chat-root-context.ts';

export interface ChatErrorNoticeProps
  extends Omit<ErrorNoticeRootProps, 'error' | 'pendingRetry' | 'onRetry'> {
  /** The chat whose error to show; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /** Called after Retry asked the chat to try again (to move focus, for instance). */
  onRetry?: (() => void) | undefined;
}

/**
 * The chat's last error, in words, with Retry; while the client waits to retry by itself (after a
 * 429 or 5xx), a countdown to it. Inside `Chat.Root`, Retry and Dismiss return focus to the draft.
 *
 * @example
 * <Chat.Root options={{ baseURL: '/api/v1', model: 'parley/echo' }}>
 *   <Chat.Messages />
 *   <Chat.ErrorNotice />
 *   <Chat.Composer />
 * </Chat.Root>
 */
export function ChatErrorNotice({ store: storeProp, onRetry, onDismiss, ...props }: ChatErrorNoticeProps) {
  const store = useChatStore(storeProp);
  const error = useChatError(store);
  const pendingRetry = useChatPendingRetry(store);
  // The notice disappears under the button that retried or dismissed it; the draft is where a
  // keyboard user continues.
  const draftRef = React.useContext(ChatDraftContext);
  return (
    <ErrorNoticeRoot
      {...props}
      error={error}
      pendingRetry={pendingRetry}
      onRetry={() => {
        void store.retry();
        onRetry?.();
        draftRef?.current?.focus();
      }}
      onDismiss={() => {
        onDismiss?.();
        draftRef?.current?.focus();
      }}
    />
  );
}
