'use client';
/**
 * Chat store options that follow the component: a store reads its options when it uses them, so
 * handing it an object whose fields read the latest render's props lets the model, parameters,
 * tools and callbacks change without recreating the chat, and new inline callbacks never close
 * over stale state (vercel/ai `packages/react/src/use-chat.ts` keeps callbacks in a ref the same way).
 */
import type { ParleyClient } from '@parley/client';
import type {
  ChatFinishInfo,
  ChatStoreOptions,
  ChatToolCallInfo,
  ThreadSaveError,
} from '@parley/client/chat';
import { useLayoutEffect, useRef, useState } from 'react';
import { type ParleyConnection, useConnectionClient } from './connection.ts';
import { useOptionalParleyClient } from './parley-provider.tsx';
import { useOptionalPreferencesStore } from './preferences-provider.tsx';
import { type PreferencesStore, toRequestParams } from './preferences-store.ts';

/** Options of a chat in React: the store's options, and the connection its client is made from. */
export interface ChatOptions extends ChatStoreOptions, ParleyConnection {}

/** Store options whose every field reads the latest render's options. */
function liveOptions(
  latest: { current: ChatStoreOptions },
  preferences: { current: PreferencesStore | undefined },
): ChatStoreOptions {
  const read = <K extends keyof ChatStoreOptions>(key: K) => latest.current[key];
  return {
    get client() {
      return read('client');
    },
    get model() {
      return read('model');
    },
    get models() {
      return read('models');
    },
    get params() {
      const own = read('params');
      const store = preferences.current;
      if (!store) return own;
      // What the person chose (model, fallbacks, routing, parameters) wins over the chat's defaults,
      // read at send time so a change applies to the very next request.
      return () => ({ ...(typeof own === 'function' ? own() : own), ...toRequestParams(store.getState()) });
    },
    get tools() {
      return read('tools');
    },
    get keepToolChoice() {
      return read('keepToolChoice');
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
    onStorageError: (error: ThreadSaveError, cause: unknown) => latest.current.onStorageError?.(error, cause),
    // Whether there is an onToolCall changes what happens to calls of undeclared tools, so it is a getter.
    get onToolCall() {
      return latest.current.onToolCall && ((info: ChatToolCallInfo) => latest.current.onToolCall?.(info));
    },
  } satisfies { [K in keyof Required<ChatStoreOptions>]: unknown };
}

/**
 * Store options, stable for the component's life, that read `options` as of the last render. The
 * client is `options.client`, else the one made from the connection settings (remade when they
 * change), else the nearest `ParleyProvider`'s. Under a `PreferencesProvider`, the chosen model,
 * fallbacks, routing and parameters are added to (and win over) `params` at send time.
 */
export function useLiveOptions(options: ChatOptions): ChatStoreOptions {
  const { baseURL, apiKey, fetch, headers } = options;
  const fromConnection = useConnectionClient({ baseURL, apiKey, fetch, headers });
  const fromContext = useOptionalParleyClient();
  const preferencesStore = useOptionalPreferencesStore();
  const client: ParleyClient | undefined = options.client ?? fromConnection ?? fromContext;
  const current = { ...options, client };
  const latest = useRef<ChatStoreOptions>(current);
  const preferences = useRef(preferencesStore);
  useLayoutEffect(() => {
    latest.current = current;
    preferences.current = preferencesStore;
  });
  const [live] = useState(() => liveOptions(latest, preferences));
  return live;
}
