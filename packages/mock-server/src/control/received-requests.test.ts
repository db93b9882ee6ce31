import { describe, expect, it } from 'vitest';
import { postChat, user, useSimulator } from '../testing/harness.ts';
import { receivedRequests, TAG_HEADER } from './received.ts';

const simulator = useSimulator();

async function received(tag: string): Promise<unknown[]> {
  const response = await fetch(`${simulator().baseURL}/_parley/requests?tag=${encodeURIComponent(tag)}`);
  return ((await response.json()) as { data: unknown[] }).data;
}

describe('what the simulator received and how it routed', () => {
  it('reports the chat requests of one tag exactly as sent, and no one else’s', async () => {
    const body = {
      model: 'parley/echo',
      messages: [user('Hello')],
      temperature: 0.3,
      provider: { sort: 'price', data_collection: 'deny' },
    };
    await postChat(simulator().baseURL, body, { 'x-parley-tag': 'one' });
    await postChat(simulator().baseURL, { ...body, temperature: 0.9 }, { 'x-parley-tag': 'two' });
    expect(await received('one')).toEqual([body]);
    expect(await received('two')).toEqual([{ ...body, temperature: 0.9 }]);
  });

  it('names every attempt of a fallback chain in x-parley-route, the one that served last', async () => {
    const response = await postChat(simulator().baseURL, {
      model: 'parley/echo:unavailable',
      models: ['parley/structured'],
      messages: [user('Hello')],
      provider: { order: ['Parley'], allow_fallbacks: false },
    });
    expect(response.status).toBe(200);
    const json = (await response.json()) as { model: string; provider: string };
    expect(json).toMatchObject({ model: 'parley/structured', provider: 'Parley' });
    expect(response.headers.get('x-parley-route')).toBe(
      'model=parley%2Fecho%3Aunavailable;provider=Parley;status=503, model=parley%2Fstructured;provider=Parley;status=200',
    );
  });

  it('names the attempts of a request that failed everywhere', async () => {
    const response = await postChat(simulator().baseURL, {
      model: 'parley/echo:server-error',
      messages: [user('Hello')],
      provider: { only: ['Mynah'] },
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-parley-route')).toBe(
      'model=parley%2Fecho%3Aserver-error;provider=Mynah;status=500',
    );
  });
});

describe('receivedRequests', () => {
  it('reads back a request the simulator refused, as sent', async () => {
    const body = { model: 'parley/echo', messages: [user('Hi')], temperature: 9 };
    const response = await postChat(simulator().baseURL, body, { [TAG_HEADER]: 'refused' });
    expect(response.status).toBe(400);
    expect(await receivedRequests(simulator().baseURL, 'refused')).toEqual([body]);
  });
});
