/**
 * What the simulator received, read back over HTTP: tests assert on the request the server got,
 * not on what our code meant to send.
 */
import { createParleyClient, type ParleyClient } from '@parley/client';
import { inject } from 'vitest';

let counter = 0;

/** A client whose requests carry a tag of their own, and a reader of the requests the simulator received with it. */
export function taggedSimulatorClient(prefix = 'test'): {
  client: ParleyClient;
  tag: string;
  received: () => Promise<Record<string, unknown>[]>;
} {
  counter += 1;
  const tag = `${prefix}-${Date.now().toString(36)}-${counter}`;
  const url = inject('simulatorUrl');
  return {
    tag,
    client: createParleyClient({ baseURL: `${url}/api/v1`, headers: { 'x-parley-tag': tag } }),
    received: async () => {
      const response = await fetch(`${url}/api/v1/_parley/requests?tag=${encodeURIComponent(tag)}`);
      return ((await response.json()) as { data: Record<string, unknown>[] }).data;
    },
  };
}
