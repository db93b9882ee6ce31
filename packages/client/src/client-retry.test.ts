import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClientOptions } from './client.ts';
import {
  ParleyAbortError,
  ParleyHttpError,
  ParleyIncompleteStreamError,
  ParleyNetworkError,
} from './errors.ts';
import type { RetryInfo, RetryScheduler } from './retry.ts';
import {
  contentChunk,
  createFakeScheduler,
  openEventStream,
  rejection,
  sendJson,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './testing/test-server.ts';

const params = { model: 'parley/echo', messages: [{ role: 'user' as const, content: 'Hi' }] };
const ok = {
  id: 'gen-ok',
  object: 'chat.completion',
  created: 1,
  model: 'parley/echo',
  choices: [{ index: 0, message: { role: 'assistant', content: 'done' }, finish_reason: 'stop' }],
};
const NOW = 1_764_100_000_000;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler, options: Partial<ParleyClientOptions> & { random?: number } = {}) {
  server = await startTestServer(handler);
  const scheduler = createFakeScheduler({ now: NOW, random: options.random ?? 0.5 });
  const retries: RetryInfo[] = [];
  const client = createParleyClient({
    baseURL: server.baseURL,
    apiKey: 'sk-test',
    scheduler,
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { server, client, scheduler, retries };
}

/** Fails the first `times` requests with `status`, then answers with a completion. */
function failThenSucceed(status: number, times: number, headers: Record<string, string> = {}): TestHandler {
  return (_, res, index) => {
    if (index < times)
      sendJson(res, status, { error: { code: status, message: `failure ${index}` } }, headers);
    else sendJson(res, 200, ok);
  };
}

describe('retries', () => {
  it.each([400, 401, 402, 403, 404, 413])(
    'does not retry status %i and keeps the error body intact',
    async (status) => {
      const body = {
        error: { code: status, message: 'No.', param: 'model', type: 'invalid', metadata: { why: 'test' } },
      };
      const { server, client, retries } = await serve((_, res) =>
        sendJson(res, status, body, { 'x-request-id': 'r1' }),
      );
      const error = await rejection(client.chat.completions.create(params));
      expect(error).toBeInstanceOf(ParleyHttpError);
      expect(error).toMatchObject({ kind: 'http', status, body, message: `HTTP ${status}: No.` });
      expect((error as ParleyHttpError).headers.get('x-request-id')).toBe('r1');
      expect(server.requests).toHaveLength(1);
      expect(retries).toHaveLength(0);
    },
  );

  it.each([408, 429, 500, 502, 503, 504, 524, 529])('retries status %i and then succeeds', async (status) => {
    const { server, client, retries } = await serve(failThenSucceed(status, 2));
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('done');
    expect(server.requests).toHaveLength(3);
    expect(retries.map((r) => [r.attempt, (r.error as ParleyHttpError).status])).toEqual([
      [1, status],
      [2, status],
    ]);
  });

  it('backs off exponentially with jitter and gives up after maxRetries', async () => {
    const { server, client, scheduler, retries } = await serve(failThenSucceed(500, 10), { maxRetries: 4 });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toMatchObject({ kind: 'http', status: 500 });
    expect(server.requests).toHaveLength(5);
    // random() = 0.5 takes 12.5% off each step of 500, 1000, 2000, 4000 ms.
    expect(scheduler.sleeps).toEqual([438, 875, 1750, 3500]);
    expect(retries.map((r) => r.delayMs)).toEqual(scheduler.sleeps);
    expect(retries.map((r) => r.retryAt)).toEqual(scheduler.sleeps.map((ms) => NOW + ms));
  });

  it('never waits longer than the backoff cap, and jitters down by at most a quarter', async () => {
    const slowest = await serve(failThenSucceed(503, 10), { maxRetries: 6, random: 0 });
    await rejection(slowest.client.chat.completions.create(params));
    expect(slowest.scheduler.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    await server?.close();
    const fastest = await serve(failThenSucceed(503, 10), { maxRetries: 2, random: 0.9999 });
    await rejection(fastest.client.chat.completions.create(params));
    expect(fastest.scheduler.sleeps).toEqual([375, 750]);
  });

  it('retries a 402 that says when to come back, after the time it asks for', async () => {
    const { server, client, scheduler } = await serve(failThenSucceed(402, 1, { 'retry-after': '2' }));
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('done');
    expect(server.requests).toHaveLength(2);
    expect(scheduler.sleeps).toEqual([2000]);
  });

  it('lets x-should-retry: false stop a retry the status would allow', async () => {
    const { server, client, retries } = await serve(
      failThenSucceed(503, 1, { 'x-should-retry': 'false', 'retry-after': '1' }),
    );
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toMatchObject({ kind: 'http', status: 503 });
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it.each([400, 409, 402])('retries status %i when the server sends x-should-retry: true', async (status) => {
    const { server, client, scheduler } = await serve(
      failThenSucceed(status, 2, { 'x-should-retry': 'true' }),
    );
    const result = await client.chat.completions.create(params);
    expect(result.choices[0]?.message.content).toBe('done');
    expect(server.requests).toHaveLength(3);
    expect(scheduler.sleeps).toEqual([438, 875]);
  });

  it('honours Retry-After in seconds', async () => {
    const { client, scheduler, retries } = await serve(failThenSucceed(429, 1, { 'retry-after': '3' }));
    await client.chat.completions.create(params);
    expect(scheduler.sleeps).toEqual([3000]);
    expect(retries[0]?.error).toMatchObject({ status: 429, retryAfterMs: 3000 });
  });

  it('honours Retry-After as an HTTP date', async () => {
    const date = new Date(NOW + 7000).toUTCString();
    const { client, scheduler } = await serve(failThenSucceed(503, 1, { 'retry-after': date }));
    await client.chat.completions.create(params);
    expect(scheduler.sleeps).toEqual([7000]);
  });

  it('surfaces a Retry-After longer than a minute instead of waiting silently', async () => {
    const { server, client } = await serve(failThenSucceed(429, 1, { 'retry-after': '3600' }));
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection that fails before the response', async () => {
    const { server, client, retries } = await serve((_, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 200, ok);
    });
    await client.chat.completions.create(params);
    expect(server.requests).toHaveLength(2);
    expect(retries[0]?.error).toBeInstanceOf(ParleyNetworkError);
  });

  it('reports a network error once a refused connection used up its retries', async () => {
    const closed = await startTestServer(() => {});
    const baseURL = closed.baseURL;
    await closed.close();
    const scheduler = createFakeScheduler();
    const retries: RetryInfo[] = [];
    const client = createParleyClient({ baseURL, scheduler, onRetry: (info) => retries.push(info) });
    const error = await rejection(client.models.list());
    expect(error).toBeInstanceOf(ParleyNetworkError);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('lets a call override maxRetries and observe its own retries', async () => {
    const { server, client, retries } = await serve(failThenSucceed(500, 10));
    const own: RetryInfo[] = [];
    await rejection(
      client.chat.completions.create(params, { maxRetries: 1, onRetry: (info) => own.push(info) }),
    );
    expect(server.requests).toHaveLength(2);
    expect(own).toEqual(retries);
    await rejection(client.models.list({ maxRetries: 0 }));
    expect(server.requests).toHaveLength(3);
  });

  it('stops waiting and rejects with an abort error when the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const waits: number[] = [];
    const scheduler: RetryScheduler = {
      now: () => NOW,
      random: () => 0,
      sleep: (ms, signal) =>
        new Promise((_, reject) => {
          waits.push(ms);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          controller.abort();
        }),
    };
    const { server, client } = await serve(failThenSucceed(503, 5), { scheduler });
    const error = await rejection(client.chat.completions.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect(waits).toEqual([500]);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry once a stream has started', async () => {
    let response: ServerResponse | undefined;
    const { server, client, retries } = await serve((_, res) => {
      response = res;
      openEventStream(res)(contentChunk('Half an ans'));
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    response?.socket?.destroy();
    const error = await rejection(iterator.next());
    expect(error).toBeInstanceOf(ParleyIncompleteStreamError);
    expect((error as ParleyIncompleteStreamError).partial.choices[0]?.message.content).toBe('Half an ans');
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('treats a maxRetries that is not a number as no retries', async () => {
    const { server, client } = await serve(failThenSucceed(500, 10), { maxRetries: Number.NaN });
    await rejection(client.chat.completions.create(params));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a streaming request that failed before its stream started', async () => {
    const { server, client } = await serve((_, res, index) => {
      if (index === 0) {
        sendJson(res, 429, { error: { code: 429, message: 'slow down' } }, { 'retry-after': '1' });
        return;
      }
      const send = openEventStream(res);
      send(contentChunk('ok', 'stop'));
      send('[DONE]');
      res.end();
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('ok');
    expect(server.requests).toHaveLength(2);
  });
});
