/**
 * A client whose request code (transport, retries, SSE decoding, the stream and its assembly) is a
 * module of its own, downloaded when the client is first used or preloaded. What makes a page show
 * a chat is then only the chat itself; the request code follows a moment later, long before anyone
 * has typed a message. The React hooks make their clients this way.
 */
import type { ChatCompletionsResource, ParleyClient, ParleyClientOptions } from './client.ts';
import { onDemand } from './on-demand.ts';

/** A {@link ParleyClient} that loads its request code on first use; `preload()` starts that early. */
export interface LazyParleyClient extends ParleyClient {
  /** Starts downloading the request code (again after a failed download); resolves once it is there. */
  preload(): Promise<void>;
}

/**
 * Creates a client that behaves as `createParleyClient(options)` does (every call is asynchronous
 * already), with its request code loaded on first use. Call `preload()` once the page has painted,
 * so the first request does not wait for the download. A failed download fails that call (it is
 * tried again by the next one).
 *
 * @example
 * const client = lazyParleyClient({ baseURL: '/api/v1' });
 * requestIdleCallback(() => void client.preload());
 */
export function lazyParleyClient(options: ParleyClientOptions): LazyParleyClient {
  const load = onDemand(() =>
    import('./client.ts').then(({ createParleyClient }) => createParleyClient(options)),
  );
  const completions = {
    create: (params: Parameters<ChatCompletionsResource['create']>[0], requestOptions) =>
      load().then((client) => client.chat.completions.create(params, requestOptions)),
  } as ChatCompletionsResource;
  return {
    chat: { completions },
    models: {
      list: (requestOptions) => load().then((client) => client.models.list(requestOptions)),
      endpoints: (model, requestOptions) =>
        load().then((client) => client.models.endpoints(model, requestOptions)),
    },
    preload: () => load().then(() => undefined),
  };
}
