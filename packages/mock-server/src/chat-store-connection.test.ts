/**
 * The chat store of @parley/client/chat against two simulators over real HTTP: a conversation
 * whose connection (endpoint and key) changes between two sends uses the new one for the next
 * request, as a settings panel or a pasted key expects.
 */
import { createParleyClient } from '@parley/client';
import { type ChatStoreOptions, createChatStore, syncScheduler } from '@parley/client/chat';
import { describe, expect, it } from 'vitest';
import type { RunningSimulator } from './node.ts';
import { useSimulator } from './testing/harness.ts';

const open = useSimulator();
const guarded = useSimulator({ requireApiKey: true, apiKeys: ['sk-second-endpoint'] });

/** What one simulator received: the Authorization header of each chat request. */
function recordAuthorization(running: RunningSimulator): (string | null)[] {
  const seen: (string | null)[] = [];
  const handle = running.simulator.handle;
  running.simulator.handle = (request) => {
    if (new URL(request.url).pathname.endsWith('/chat/completions')) {
      seen.push(request.headers.get('authorization'));
    }
    return handle(request);
  };
  return seen;
}

describe('createChatStore: the connection of a conversation', () => {
  it('sends the next message with the client of that moment: a changed endpoint and key', async () => {
    const atOpen = recordAuthorization(open());
    const atGuarded = recordAuthorization(guarded());
    const options: ChatStoreOptions = {
      client: createParleyClient({ baseURL: open().baseURL, apiKey: 'sk-first-endpoint' }),
      model: 'parley/echo',
      scheduler: syncScheduler,
    };
    const store = createChatStore(options);

    await store.send('First');
    expect(store.getState().status).toBe('idle');

    options.client = createParleyClient({ baseURL: guarded().baseURL, apiKey: 'sk-second-endpoint' });
    await store.send('Second');

    expect(atOpen).toEqual(['Bearer sk-first-endpoint']);
    expect(atGuarded).toEqual(['Bearer sk-second-endpoint']);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().messageIds).toHaveLength(4);
  });
});
