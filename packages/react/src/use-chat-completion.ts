'use client';
/**
 * `useChatCompletion`: a chat in one hook. It creates a store once per component (or uses the one
 * given), reads options through a ref so new inline callbacks or parameters never recreate the
 * chat, and stops the chat when the component unmounts.
 */
import type { ParleyClient, Usage } from '@parley/client';
import {
  type ChatErrorInfo,
  type ChatFinishInfo,
  type ChatMessage,
  type ChatPendingRetry,
  type ChatStatus,
  type ChatStore,
  type ChatStoreOptions,
  type ChatToolCallInfo,
  createChatStore,
  selectMessages,
} from '@parley/client/chat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useOptionalParleyClient } from './parley-provider.tsx';

/** Options of {@link useChatCompletion}: the store's options, or a store to use instead. */
export interface UseChatCompletionOptions extends ChatStoreOptions {
  /** Use this store (shared, made elsewhere) instead of creating one; the other options are then ignored. */
  store?: ChatStore;
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

/** Store options whose every field reads the latest render's options. */
function liveOptions(
  latest: { current: UseChatCompletionOptions },
  contextClient: { current: ParleyClient | undefined },
): ChatStoreOptions {
  const read = <K extends keyof ChatStoreOptions>(key: K) => latest.current[key];
  return {
    get client() {
      return read('client') ?? (read('baseURL') ? undefined : contextClient.current);
    },
    get baseURL() {
      return read('baseURL');
    },
    get apiKey() {
      return read('apiKey');
    },
    get fetch() {
      return read('fetch');
    },
    get model() {
      return read('model');
    },
    get models() {
      return read('models');
    },
    get params() {
      return read('params');
    },
    get tools() {
      return read('tools');
    },
    get maxToolRounds() {
      return read('maxToolRounds');
    },
    get maxCost() {
      return read('maxCost');
    },
    get initialMessages() {
      return read('initialMessages');
    },
    get scheduler() {
      return read('scheduler');
    },
    get generateId() {
      return read('generateId');
    },
    get persistence() {
      return read('persistence');
    },
    get conversationId() {
      return read('conversationId');
    },
    onFinish: (info: ChatFinishInfo) => latest.current.onFinish?.(info),
    onError: (error: unknown) => latest.current.onError?.(error),
    // Whether there is an onToolCall changes what happens to calls of undeclared tools, so it is a getter.
    get onToolCall() {
      return latest.current.onToolCall && ((info: ChatToolCallInfo) => latest.current.onToolCall?.(info));
    },
  } satisfies { [K in keyof Required<ChatStoreOptions>]: unknown };
}

/**
 * A chat completion conversation: messages, status and actions, streaming into React state.
 * Options (model, parameters, tools, callbacks) are read when they are used, so they can change
 * between renders without recreating the chat; `initialMessages`, `persistence` and
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
  const fromContext = useOptionalParleyClient();
  const latest = useRef(options);
  const contextClient = useRef(fromContext);
  useLayoutEffect(() => {
    latest.current = options;
    contextClient.current = fromContext;
  });
  const [own] = useState(() =>
    options.store ? undefined : createChatStore(liveOptions(latest, contextClient)),
  );
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
