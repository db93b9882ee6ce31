'use client';
/**
 * The connection settings a chat or a provider makes its client from. The chat store takes one
 * `client` and reads it on every request; this is where React remakes that client when a setting
 * changes, so a pasted key or a switched endpoint counts from the next request of the same chat.
 */
import { type LazyParleyClient, lazyParleyClient, type ParleyClient } from '@parley/client';
import { useEffect, useMemo } from 'react';

/** Where and how to reach the API: what a client is made from (see `createParleyClient`). */
export interface ParleyConnection {
  /** The API root, such as `https://openrouter.ai/api/v1`; without it no client is made here. */
  baseURL?: string | undefined;
  /** Sent as a Bearer token; prefer a server-side proxy over shipping a key to browsers. */
  apiKey?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request (such as `HTTP-Referer` and `X-Title` for OpenRouter). */
  headers?: Record<string, string> | undefined;
}

/**
 * The client made from `connection`, remade when a setting changes (headers compared by content,
 * so an inline object does not remake it every render); `undefined` without a `baseURL`. Its request
 * code is a chunk of its own (`lazyParleyClient`), preloaded once the component has mounted, so the
 * page paints without it and the first request does not wait for it.
 */
export function useConnectionClient({
  baseURL,
  apiKey,
  fetch,
  headers,
}: ParleyConnection): ParleyClient | undefined {
  const headersKey = headers === undefined ? undefined : JSON.stringify(headers);
  const client = useMemo((): LazyParleyClient | undefined => {
    if (!baseURL) return undefined;
    const headers = headersKey === undefined ? undefined : (JSON.parse(headersKey) as Record<string, string>);
    return lazyParleyClient({ baseURL, apiKey, fetch, headers });
  }, [baseURL, apiKey, fetch, headersKey]);
  useEffect(() => {
    // A failed download is tried again by the first request, which reports it if it fails again.
    client?.preload().catch(() => undefined);
  }, [client]);
  return client;
}
