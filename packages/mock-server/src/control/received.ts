/**
 * Reading back what the simulator received, for tests that assert on the request a UI really
 * sent (over HTTP, after every layer of the client), not on what the code meant to send.
 */

/** The request header that groups a test's chat requests in `GET /_parley/requests?tag=`. */
export const TAG_HEADER = 'x-parley-tag';

/**
 * The chat request bodies the simulator at `baseURL` (ending in `/api/v1`) received with
 * `x-parley-tag: tag`, oldest first.
 *
 * @example
 * const client = createParleyClient({ baseURL, headers: { [TAG_HEADER]: 'my-test' } });
 * // ...the UI sends with `client`...
 * const [body] = await receivedRequests(baseURL, 'my-test');
 */
export async function receivedRequests(
  baseURL: string,
  tag: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Record<string, unknown>[]> {
  const response = await fetchImpl(`${baseURL}/_parley/requests?tag=${encodeURIComponent(tag)}`);
  if (!response.ok) throw new Error(`The simulator answered ${response.status} to GET _parley/requests.`);
  return ((await response.json()) as { data: Record<string, unknown>[] }).data;
}
