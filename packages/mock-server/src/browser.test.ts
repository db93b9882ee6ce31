import { createParleyClient } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { createSimulatorFetch } from './browser.ts';
import { createSimulator } from './simulator.ts';
import { readStream, user } from './testing/harness.ts';

const BASE = 'https://parley.local/api/v1';

describe('createSimulatorFetch', () => {
  it('answers the API in-process, streams included, for a client given this fetch', async () => {
    const client = createParleyClient({ baseURL: BASE, fetch: createSimulatorFetch({ tokenDelayMs: 0 }) });
    const stream = await client.chat.completions.create({
      model: 'parley/reasoner',
      messages: [user('In the page')],
      stream: true,
    });
    const completion = await stream.finalCompletion();
    expect(completion.choices[0]?.message.content).toContain('“In the page”');
    expect(completion.choices[0]?.message.reasoning_details?.length).toBeGreaterThan(0);
  });

  it('passes requests outside /api/v1 to the fallback fetch', async () => {
    const seen: string[] = [];
    const fallback = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response('static');
    }) as typeof fetch;
    const simulatedFetch = createSimulatorFetch({ fallback });
    expect(await (await simulatedFetch('https://parley.local/logo.svg')).text()).toBe('static');
    expect(seen).toEqual(['https://parley.local/logo.svg']);
  });

  it('rejects like a network error when the scenario drops the connection', async () => {
    const simulatedFetch = createSimulatorFetch({ tokenDelayMs: 0 });
    const request = simulatedFetch(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-scenario': 'drop' },
      body: JSON.stringify({ messages: [user('x')] }),
    });
    await expect(request).rejects.toBeInstanceOf(TypeError);
  });

  it('errors the body with an AbortError when aborted mid-stream', async () => {
    const controller = new AbortController();
    const simulatedFetch = createSimulatorFetch({ tokenDelayMs: 0 });
    const response = await simulatedFetch(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-scenario': 'stall;after=1' },
      body: JSON.stringify({ messages: [user('x')], stream: true }),
      signal: controller.signal,
    });
    const reading = readStream(response);
    controller.abort();
    expect((await reading).failure).toMatchObject({ name: 'AbortError' });
  });

  it('shares one simulator between fetches, so a hold can be released from outside', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    const simulatedFetch = createSimulatorFetch({ simulator });
    expect(simulator.release('shared')).toBe(0);
    const response = await simulatedFetch(`${BASE}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-parley-scenario': 'hold;id=shared' },
      body: JSON.stringify({ messages: [user('x')], stream: true }),
    });
    expect((await readStream(response)).done).toBe(true);
  });
});
