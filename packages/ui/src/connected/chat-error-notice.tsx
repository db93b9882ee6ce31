/** @jsxImportSource ../jsx */
'use client';
import type { ChatState, ChatStore } from '@parley/client/chat';
import { useChatError, useChatPendingRetry, useChatSelector, useChatStore } from '@parley/react';
import * as React from 'react';
import { ErrorNoticeRoot, type ErrorNoticeRootProps } from '../error-notice/error-notice.tsx';
import { ChatRootContext } from './chat-root-context.ts';

export interface ChatErrorNoticeProps
  extends Omit<ErrorNoticeRootProps, 'error' | 'pendingRetry' | 'onRetry'> {
  /** The chat whose error to show; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /** Called after Retry asked the chat to try again (to move focus, for instance). */
  onRetry?: (() => void) | undefined;
}

// A failed reply shows its own error where the reply is (`Message.Error`); the notice would only
// say it a second time.
const selectShownByReply = (state: ChatState) => {
  const last = state.messagesById[state.messageIds.at(-1) ?? ''];
  return state.error !== undefined && last?.error === state.error;
};

/**
 * What the conversation cannot show in a reply: the countdown while the client waits to retry by
 * itself (after a 429 or 5xx), and an error no reply carries, in words with the action that fits.
 * A failed reply shows its error itself. Inside `Chat.Root`, its actions return focus to the draft.
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
  const shownByReply = useChatSelector(selectShownByReply, store);
  // The notice disappears under the button that retried or dismissed it; the draft is where a
  // keyboard user continues.
  const root = React.useContext(ChatRootContext);
  const draftRef = root?.draftRef;
  return (
    <ErrorNoticeRoot
      onChangeKey={root?.onChangeKey}
      {...props}
      error={shownByReply ? undefined : error}
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
