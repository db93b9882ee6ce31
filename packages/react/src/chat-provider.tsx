'use client';
/** `ChatProvider` shares one chat store among components, so a list and its rows follow the same chat. */
import { type ChatStore, createChatStore } from '@parley/client/chat';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { type ChatOptions, useLiveOptions } from './live-options.ts';

const ChatStoreContext = createContext<ChatStore | undefined>(undefined);

/** Props of {@link ChatProvider}: a store made elsewhere, or the options to make one. */
export interface ChatProviderProps {
  store?: ChatStore | undefined;
  /**
   * What to create the store with. Read when used, as by `useChatCompletion`: the connection
   * (`baseURL`, `apiKey`, `fetch`, `headers`), model, parameters, tools and callbacks may change
   * between renders; `initialMessages`, `persistence` and `conversationId` count when the store is
   * created (and on `reset`).
   */
  options?: ChatOptions | undefined;
  children?: ReactNode | undefined;
}

/**
 * Provides a chat store to the hooks below it. With `options`, it creates the store once (using the
 * client of a surrounding `ParleyProvider` when the options name no `client` or `baseURL`) and stops it on unmount.
 *
 * @example
 * ```tsx
 * <ChatProvider options={{ model: 'openai/gpt-4o' }}>
 *   <MessageList />
 *   <Composer />
 * </ChatProvider>
 * ```
 */
export function ChatProvider({ store, options, children }: ChatProviderProps) {
  const live = useLiveOptions(options ?? {});
  const [own] = useState(() => (store ? undefined : createChatStore(live)));
  useEffect(() => () => own?.stop(), [own]);
  return <ChatStoreContext.Provider value={store ?? own}>{children}</ChatStoreContext.Provider>;
}

/**
 * The chat store a component was given, else the nearest {@link ChatProvider}'s. Components and
 * hooks that take an optional `store` prop call it unconditionally, so the hook order stays fixed
 * whether or not the prop is set.
 *
 * @throws {Error} when there is neither a store nor a `ChatProvider` above.
 * @example
 * ```tsx
 * const { send } = useChatStore();
 * function StopButton({ store }: { store?: ChatStore }) {
 *   const chat = useChatStore(store);
 *   return <button type="button" onClick={chat.stop}>Stop</button>;
 * }
 * ```
 */
export function useChatStore(store?: ChatStore): ChatStore {
  const fromContext = useContext(ChatStoreContext);
  const resolved = store ?? fromContext;
  if (!resolved) {
    throw new Error(
      'No chat store: pass a `store` (from createChatStore or useChatCompletion().store) or render this inside a <ChatProvider>.',
    );
  }
  return resolved;
}
