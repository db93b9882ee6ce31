'use client';
/**
 * `useChatCompletion`: a chat in one hook. It creates a store once per component (or uses the one
 * given), reads options through a ref so new inline callbacks or parameters never recreate the
 * chat, and stops the chat when the component unmounts.
 */
import type { Usage } from '@parley/client';
import {
  type ChatErrorInfo,
  type ChatMessage,
  type ChatPendingRetry,
  type ChatStatus,
  type ChatStore,
  createChatStore,
  selectMessages,
} from '@parley/client/chat';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { type ChatOptions, useLiveOptions } from './live-options.ts';

/**
 * Options of {@link useChatCompletion}: the store's options and the connection settings its client
 * is made from (remade when they change), or a store to use instead.
 */
export interface UseChatCompletionOptions extends ChatOptions {
  /** Use this store (shared, made elsewhere) instead of creating one; the other options are then ignored. */
  store?: ChatStore | undefined;
}

/** What {@link useChatCompletion} returns: the chat's state and its actions (stable functions). */
export interface UseChatCompletionResult
  extends Pick<
    ChatStore,
    | 'send'
    | 'stop'
    | 'retry'
    | 'regenerate'
    | 'edit'
    | 'addToolResult'
    | 'approveToolCall'
    | 'denyToolCall'
    | 'setMessages'
    | 'reset'
    | 'switchBranch'
  > {
  store: ChatStore;
  messages: ChatMessage[];
  status: ChatStatus;
  error: ChatErrorInfo | undefined;
  usage: Usage | undefined;
  pendingRetry: ChatPendingRetry | undefined;
}

/**
 * A chat completion conversation: messages, status and actions, streaming into React state.
 * Options (connection, model, parameters, tools, callbacks) are read when they are used, so they
 * can change between renders without recreating the chat: a new `apiKey` or `baseURL` makes a new
 * client, which the next request of the same conversation uses; `initialMessages`, `persistence` and
 * `conversationId` are read when the chat is created (and by `reset`). Unmounting stops the chat.
 *
 * For long conversations, render rows with {@link useChatMessageIds} and {@link useChatMessage}
 * instead of `messages`, so a streamed token re-renders only its own row.
 *
 * @example
 * ```tsx
 * function Chat() {
 *   const { messages, status, send, stop } = useChatCompletion({
 *     baseURL: '/api/v1',
 *     model: 'parley/echo',
 *     params: { temperature: 0.7 },
 *     onError: (error: unknown) => console.error(error),
 *   });
 *   return (
 *     <>
 *       {messages.map((message) => <Message key={message.id} message={message} />)}
 *       <Composer onSend={send} onStop={stop} busy={status === 'streaming'} />
 *     </>
 *   );
 * }
 * ```
 */
export function useChatCompletion(options: UseChatCompletionOptions = {}): UseChatCompletionResult {
  const live = useLiveOptions(options);
  const [own] = useState(() => (options.store ? undefined : createChatStore(live)));
  const store = options.store ?? own;
  if (!store)
    throw new Error('useChatCompletion: the `store` option cannot be removed after the first render.');
  useEffect(() => () => own?.stop(), [own]);

  const messages = useStore(store, selectMessages);
  const status = useStore(store, (state) => state.status);
  const error = useStore(store, (state) => state.error);
  const usage = useStore(store, (state) => state.usage);
  const pendingRetry = useStore(store, (state) => state.pendingRetry);
  return useMemo(
    () => ({
      store,
      messages,
      status,
      error,
      usage,
      pendingRetry,
      send: store.send,
      stop: store.stop,
      retry: store.retry,
      regenerate: store.regenerate,
      edit: store.edit,
      addToolResult: store.addToolResult,
      approveToolCall: store.approveToolCall,
      denyToolCall: store.denyToolCall,
      setMessages: store.setMessages,
      reset: store.reset,
      switchBranch: store.switchBranch,
    }),
    [store, messages, status, error, usage, pendingRetry],
  );
}
