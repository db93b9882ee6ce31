import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createParleyClient } from './client.ts';
import {
  ParleyAbortError,
  ParleyIncompleteStreamError,
  ParleyParseError,
  ParleyStreamError,
  ParleyTimeoutError,
  toChatErrorInfo,
} from './errors.ts';
import {
  contentChunk,
  createFakeScheduler,
  openEventStream,
  rejection,
  startTestServer,
  type TestHandler,
  type TestServer,
} from './testing/test-server.ts';

const params = {
  model: 'parley/echo',
  messages: [{ role: 'user' as const, content: 'Hi' }],
  stream: true as const,
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler, timeout?: number) {
  server = await startTestServer(handler);
  const client = createParleyClient({
    baseURL: server.baseURL,
    maxRetries: 0,
    scheduler: createFakeScheduler(),
    timeout,
  });
  return { server, client };
}

/** Resolves when the client closes the connection of `res`. */
function closed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.on('close', () => resolve()));
}

/** Sends two chunks, then keeps the stream open without another byte. */
function twoChunksThenHold(onResponse?: (res: ServerResponse) => void): TestHandler {
  return (_, res) => {
    onResponse?.(res);
    const send = openEventStream(res);
    send(contentChunk('Once'));
    send(contentChunk(' upon'));
  };
}

describe('stream failures', () => {
  it('rejects with a stream error carrying the partial completion and the error object', async () => {
    const errorObject = {
      code: 'server_error',
      message: 'Provider disconnected',
      metadata: { provider_name: 'X' },
    };
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('Once upon'));
      send({ ...contentChunk('', 'error'), error: errorObject });
      send(contentChunk(' never seen'));
      res.end();
    });
    const stream = await client.chat.completions.create(params);
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    );
    expect(seen).toEqual(['Once upon']);
    expect(error).toBeInstanceOf(ParleyStreamError);
    const streamError = error as ParleyStreamError;
    expect(streamError.body).toEqual(errorObject);
    expect(streamError.partial.choices[0]?.message.content).toBe('Once upon');
    expect(streamError.partial.choices[0]?.finish_reason).toBe('error');
    expect(toChatErrorInfo(error)).toEqual({
      kind: 'stream',
      message: 'Stream error: Provider disconnected',
      code: 'server_error',
      metadata: { provider_name: 'X' },
      serverMessage: 'Provider disconnected',
      providerName: 'X',
    });
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });

  it('rejects a stream that finished with finish_reason "error" and no error object as a stream error', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('Once'));
      send(contentChunk('', 'error'));
      send('[DONE]');
      res.end();
    });
    const stream = await client.chat.completions.create(params);
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(ParleyStreamError);
    expect((error as ParleyStreamError).body.code).toBe('error');
    expect((error as ParleyStreamError).partial.choices[0]?.message.content).toBe('Once');
  });

  it('rejects a stream that ends without a finish reason or [DONE] as incomplete, keeping the partial', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('Once'));
      send(contentChunk(' upon'));
      res.end();
    });
    const stream = await client.chat.completions.create(params);
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(ParleyIncompleteStreamError);
    expect((error as ParleyIncompleteStreamError).partial.choices[0]?.message.content).toBe('Once upon');
  });

  it('accepts a stream that finished but closed without [DONE]', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('Done', 'stop'));
      res.end();
    });
    const stream = await client.chat.completions.create(params);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Done');
  });

  it('rejects with a parse error when an event carries data that is not JSON', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('Once'));
      send('<html>oops</html>');
      res.end();
    });
    const stream = await client.chat.completions.create(params);
    expect(await rejection(stream.finalCompletion())).toBeInstanceOf(ParleyParseError);
    expect(stream.currentCompletion().choices[0]?.message.content).toBe('Once');
  });

  it('rejects with an abort error carrying the partial when the signal aborts mid-stream', async () => {
    let serverSide: Promise<void> = Promise.resolve();
    const { client } = await serve(twoChunksThenHold((res) => (serverSide = closed(res))));
    const controller = new AbortController();
    const stream = await client.chat.completions.create(params, { signal: controller.signal });
    let count = 0;
    const error = await rejection(
      (async () => {
        for await (const _ of stream) if (++count === 2) controller.abort();
      })(),
    );
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect((error as ParleyAbortError).partial?.choices[0]?.message.content).toBe('Once upon');
    await serverSide; // the connection is closed, so the server stops generating
  });

  it('rejects with an abort error carrying the partial after stream.abort()', async () => {
    const { client } = await serve(twoChunksThenHold());
    const stream = await client.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    stream.abort();
    const error = await rejection(iterator.next());
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect((error as ParleyAbortError).partial?.choices[0]?.message.content).toBe('Once upon');
    await expect(stream.finalCompletion()).rejects.toBe(error);
  });

  it('closes the connection when the consumer leaves the loop early', async () => {
    let serverSide: Promise<void> = Promise.resolve();
    const { client } = await serve(twoChunksThenHold((res) => (serverSide = closed(res))));
    const stream = await client.chat.completions.create(params);
    for await (const _ of stream) break;
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect((error as ParleyAbortError).partial?.choices[0]?.message.content).toBe('Once');
    await serverSide;
  });

  it('rejects with an abort error, keeping the reason given, when the signal aborts before the response', async () => {
    const controller = new AbortController();
    const reason = new Error('the user left the page');
    const { server, client } = await serve(() => controller.abort(reason));
    const error = await rejection(client.chat.completions.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect((error as ParleyAbortError).cause).toBe(reason);
    expect((error as ParleyAbortError).partial).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { server, client } = await serve(() => {});
    const error = await rejection(client.chat.completions.create(params, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('times out when no response arrives', async () => {
    const { client } = await serve(() => {}, 50);
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(ParleyTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 50 });
  });

  it('counts keep-alive comments as progress, so a model that is slow to start does not time out', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      let comments = 0;
      const timer = setInterval(() => {
        res.write(': OPENROUTER PROCESSING\n\n');
        if (++comments < 10) return;
        clearInterval(timer);
        send(contentChunk('Finally', 'stop'));
        send('[DONE]');
        res.end();
      }, 150);
    }, 1000);
    const stream = await client.chat.completions.create(params);
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Finally');
  });

  it('times out a stream that stalls, keeping the partial', async () => {
    const { client } = await serve(twoChunksThenHold(), 400);
    const stream = await client.chat.completions.create(params);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    const error = await rejection(iterator.next());
    expect(error).toBeInstanceOf(ParleyTimeoutError);
    expect((error as ParleyTimeoutError).partial?.choices[0]?.message.content).toBe('Once upon');
  });
});
