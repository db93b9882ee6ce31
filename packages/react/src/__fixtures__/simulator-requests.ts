/**
 * What the simulator received, read back over HTTP: tests assert on the request the server got,
 * not on what our code meant to send.
 */
import { createParleyClient, type ParleyClient } from '@parley/client';
import { receivedRequests, TAG_HEADER } from '@parley/mock-server';
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
  const baseURL = `${inject('simulatorUrl')}/api/v1`;
  return {
    tag,
    client: createParleyClient({ baseURL, headers: { [TAG_HEADER]: tag } }),
    received: () => receivedRequests(baseURL, tag),
  };
}
