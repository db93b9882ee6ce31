'use client';
import type { ChatStore } from '@parley/client/chat';
import { useChatError, useChatPendingRetry, useResolvedChatStore } from '@parley/react';
import { ErrorNoticeRoot, type ErrorNoticeRootProps } from '../error-notice/error-notice.tsx';

export interface ChatErrorNoticeProps
  extends Omit<ErrorNoticeRootProps, 'error' | 'pendingRetry' | 'onRetry'> {
  /** The chat whose error to show; without it, the nearest `ChatProvider`'s. */
  store?: ChatStore;
  /** Called after Retry asked the chat to try again (to move focus, for instance). */
  onRetry?: () => void;
}

/**
 * The chat's last error, in words, with Retry; while the client waits to retry by itself (after a
 * 429 or 5xx), a countdown to it.
 *
 * @example
 * <ChatProvider options={{ baseURL: '/api/v1', model: 'parley/echo' }}>
 *   <ChatErrorNotice />
 * </ChatProvider>
 */
export function ChatErrorNotice({ store: storeProp, onRetry, ...props }: ChatErrorNoticeProps) {
  const store = useResolvedChatStore(storeProp);
  const error = useChatError(store);
  const pendingRetry = useChatPendingRetry(store);
  return (
    <ErrorNoticeRoot
      {...props}
      error={error}
      pendingRetry={pendingRetry}
      onRetry={() => {
        void store.retry();
        onRetry?.();
      }}
    />
  );
}
