import type { APIRequestContext } from '@playwright/test';

/** Steers the simulator the demo talks to (its /_parley endpoints, on the page's own origin). */
export function simulator(request: APIRequestContext) {
  return {
    /** Forgets received requests, counters and the standing scenario: each test starts clean. */
    reset: () => request.post('/api/v1/_parley/reset'),
    /** A scenario every chat request gets until reset, such as `hold;after=5`. */
    scenario: (scenario: string) => request.post('/api/v1/_parley/scenario', { data: { scenario } }),
    release: (id = 'default') => request.post(`/api/v1/_parley/release?id=${encodeURIComponent(id)}`),
    /** The chat request bodies received, oldest first. */
    requests: async (): Promise<Record<string, unknown>[]> =>
      ((await (await request.get('/api/v1/_parley/requests')).json()) as { data: Record<string, unknown>[] })
        .data,
  };
}

/**
 * Another endpoint: a simulator on a port of its own that requires `key`, as a real service would.
 * Imported when called, so the workers (which resolve workspace sources, see playwright.config.ts)
 * load it, not the runner listing the tests.
 */
export async function endpointWithKey(key: string) {
  const { startSimulator } = await import('@parley/mock-server/node');
  const server = await startSimulator({ port: 0, tokenDelayMs: 5, requireApiKey: true, apiKeys: [key] });
  return {
    baseURL: server.baseURL,
    close: () => server.close(),
    /** Chat requests the endpoint received (any key), oldest first. */
    requests: async (): Promise<Record<string, unknown>[]> =>
      (
        (await (await fetch(`${server.baseURL}/_parley/requests`)).json()) as {
          data: Record<string, unknown>[];
        }
      ).data,
  };
}
