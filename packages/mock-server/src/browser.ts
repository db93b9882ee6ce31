import type { SimulatorOptions } from './options.ts';
import { createSimulator, type Simulator } from './simulator.ts';

/** Options of {@link createSimulatorFetch}. */
export interface SimulatorFetchOptions extends SimulatorOptions {
  /** Share one simulator (its hold registry and counters) between several fetches. */
  simulator?: Simulator;
  /** Where requests outside `/api/v1` go. Default: the page's own `fetch`. */
  fallback?: typeof fetch;
}

/**
 * A `fetch` that answers `…/api/v1/*` from an in-page simulator, for Storybook and demos with no
 * server. It behaves like the network: a `drop` scenario rejects with a TypeError, and aborting
 * the signal rejects (or errors the body) with an AbortError.
 *
 * @example
 * const client = createParleyClient({ baseURL: 'https://parley.local/api/v1', fetch: createSimulatorFetch({ tokenDelayMs: 20 }) });
 */
export function createSimulatorFetch(options: SimulatorFetchOptions = {}): typeof fetch {
  const { simulator = createSimulator(options), fallback } = options;
  const simulated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.includes('/api/v1')) {
      return (fallback ?? globalThis.fetch)(input, init);
    }
    const signal = request.signal;
    if (signal.aborted) throw abortError(signal);
    const response = await simulator.handle(request);
    if (signal.aborted) throw abortError(signal);
    if (response.type === 'error')
      throw new TypeError('Failed to fetch: the simulator dropped the connection');
    return abortable(response, signal);
  };
  return simulated as typeof fetch;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Errors the body with the abort reason when the signal fires mid-stream, as a real fetch does. */
function abortable(response: Response, signal: AbortSignal): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener(
        'abort',
        () => {
          controller.error(abortError(signal));
          reader.cancel(abortError(signal)).catch(() => {});
        },
        { once: true },
      );
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
