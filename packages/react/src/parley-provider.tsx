'use client';
/**
 * `ParleyProvider` shares one client (and a react-query cache) with everything below it, so hooks
 * such as `useModels` and `useChatCompletion` need no configuration of their own.
 */
import type { ParleyClient } from '@parley/client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { type ParleyConnection, useConnectionClient } from './connection.ts';

const ParleyClientContext = createContext<ParleyClient | undefined>(undefined);

/**
 * Props of {@link ParleyProvider}: a ready client, or the connection settings to make one from
 * (remade when they change, so hooks below use a new key or endpoint from their next request).
 */
export interface ParleyProviderProps extends ParleyConnection {
  client?: ParleyClient | undefined;
  /** The react-query cache to use; by default the one already above, or a new one. */
  queryClient?: QueryClient | undefined;
  children?: ReactNode | undefined;
}

/**
 * Provides a Parley client to the hooks below it. Without `queryClient`, it uses the
 * `QueryClientProvider` already above it, or creates one.
 *
 * @example
 * ```tsx
 * <ParleyProvider baseURL="/api/v1">
 *   <ModelPicker />
 *   <Chat />
 * </ParleyProvider>
 * ```
 */
export function ParleyProvider({ client, queryClient, children, ...connection }: ParleyProviderProps) {
  const own = useConnectionClient(client ? {} : connection);
  const above = useContext(QueryClientContext);
  const [ownQueryClient] = useState(() => (queryClient || above ? undefined : new QueryClient()));
  const cache = queryClient ?? (above ? undefined : ownQueryClient);
  const content = (
    <ParleyClientContext.Provider value={client ?? own}>{children}</ParleyClientContext.Provider>
  );
  return cache ? <QueryClientProvider client={cache}>{content}</QueryClientProvider> : content;
}

/** The client of the nearest {@link ParleyProvider}, or `undefined` outside one. */
export function useOptionalParleyClient(): ParleyClient | undefined {
  return useContext(ParleyClientContext);
}

/**
 * The client of the nearest {@link ParleyProvider}.
 *
 * @example
 * ```tsx
 * const client = useParleyClient();
 * const onClick = () => client.models.list().then(console.log);
 * ```
 */
export function useParleyClient(): ParleyClient {
  const client = useContext(ParleyClientContext);
  if (!client) {
    throw new Error(
      'useParleyClient needs a <ParleyProvider client={...}> or <ParleyProvider baseURL="..."> above it.',
    );
  }
  return client;
}
