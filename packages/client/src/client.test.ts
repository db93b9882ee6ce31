import { afterEach, describe, expect, it } from 'vitest';
import { createParleyClient } from './client.ts';
import {
  ParleyHttpError,
  ParleyInvalidRequestError,
  ParleyInvalidResponseError,
  ParleyParseError,
  ParleyStreamError,
} from './errors.ts';
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
import type { ChatCompletion, ChatCompletionParams } from './wire-types.ts';

const API_KEY = 'sk-or-v1-test-0123456789abcdef';
const params = { model: 'parley/echo', messages: [{ role: 'user' as const, content: 'Hi' }] };
const completion: ChatCompletion = {
  id: 'gen-json',
  object: 'chat.completion',
  created: 1764100000,
  model: 'parley/echo',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Hi!', refusal: null, reasoning: null },
      finish_reason: 'stop',
      native_finish_reason: 'stop',
      logprobs: null,
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler) {
  server = await startTestServer(handler);
  const client = createParleyClient({
    baseURL: server.baseURL,
    apiKey: API_KEY,
    headers: { 'X-Title': 'Parley tests' },
    scheduler: createFakeScheduler(),
  });
  return { server, client };
}

describe('chat.completions.create without stream', () => {
  it('posts the parameters as JSON and resolves with the completion', async () => {
    const { server, client } = await serve((_, res) => sendJson(res, 200, completion));
    const result = await client.chat.completions.create(
      { ...params, temperature: 0.2 },
      { headers: { 'x-request': '1' } },
    );
    expect(result).toEqual(completion);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v1/chat/completions');
    expect(JSON.parse(request?.body ?? '')).toEqual({ ...params, temperature: 0.2 });
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['x-title']).toBe('Parley tests');
    expect(request?.headers['x-request']).toBe('1');
  });

  it('sends the API key only in the Authorization header', async () => {
    const { server, client } = await serve((_, res) => sendJson(res, 200, completion));
    await client.chat.completions.create(params);
    const [request] = server.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.url).not.toContain(API_KEY);
    expect(request?.body).not.toContain(API_KEY);
    const otherHeaders = Object.entries(request?.headers ?? {}).filter(([name]) => name !== 'authorization');
    expect(JSON.stringify(otherHeaders)).not.toContain(API_KEY);
  });

  it('rejects a 200 whose body is not JSON with an invalid-response error', async () => {
    const { client } = await serve((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Gateway login</html>');
    });
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(ParleyInvalidResponseError);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, contentType: 'text/html' });
  });

  it('turns an error body sent with status 200 into an HTTP error with the body intact', async () => {
    const body = { error: { code: 502, message: 'Upstream failed', metadata: { provider_name: 'X' } } };
    const { client } = await serve((_, res) => sendJson(res, 200, body));
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect((error as ParleyHttpError).body).toEqual(body);
  });
});

describe('chat.completions.create with stream: true', () => {
  it('yields typed chunks and assembles them into the final completion', async () => {
    const { server, client } = await serve((_, res) => {
      const send = openEventStream(res);
      res.write(': OPENROUTER PROCESSING\n\n');
      send(contentChunk('Hel'));
      send(contentChunk('lo', 'stop'));
      send('[DONE]');
      res.end();
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    expect(stream.response.status).toBe(200);
    const contents: Array<string | null | undefined> = [];
    for await (const chunk of stream) contents.push(chunk.choices[0]?.delta.content);
    expect(contents).toEqual(['Hel', 'lo']);
    const final = await stream.finalCompletion();
    expect(final.choices[0]?.message.content).toBe('Hello');
    expect(final.choices[0]?.finish_reason).toBe('stop');
    expect(stream.currentCompletion()).toBe(final);
    expect(JSON.parse(server.requests[0]?.body ?? '').stream).toBe(true);
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('reads the stream to the end when only the final completion is asked for', async () => {
    const { client } = await serve((_, res) => {
      const send = openEventStream(res);
      send(contentChunk('All at once', 'stop'));
      send('[DONE]');
      res.end();
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('All at once');
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('rejects a 200 that is not an event stream with an invalid-response error', async () => {
    const { client } = await serve((_, res) => sendJson(res, 200, completion));
    const error = await rejection(client.chat.completions.create({ ...params, stream: true }));
    expect(error).toBeInstanceOf(ParleyInvalidResponseError);
    expect(error).toMatchObject({ status: 200, contentType: 'application/json' });
  });
});

describe('client-side validation', () => {
  it.each([
    ['no messages', { model: 'm' }, 'messages'],
    ['an empty message list', { model: 'm', messages: [] }, 'messages'],
    ['a message without role', { model: 'm', messages: [{ content: 'hi' }] }, 'messages[0].role'],
    [
      'a message with an unknown role',
      { messages: [params.messages[0], { role: 'bot', content: 'x' }] },
      'messages[1].role',
    ],
    [
      'a tool result without tool_call_id',
      { messages: [{ role: 'tool', content: 'x' }] },
      'messages[0].tool_call_id',
    ],
    ['max_tokens of 0', { ...params, max_tokens: 0 }, 'max_tokens'],
    ['a negative max_tokens', { ...params, max_tokens: -5 }, 'max_tokens'],
    [
      'a fractional max_completion_tokens',
      { ...params, max_completion_tokens: 1.5 },
      'max_completion_tokens',
    ],
  ])('rejects %s before sending anything', async (_, invalid, param) => {
    const { server, client } = await serve((_, res) => sendJson(res, 200, completion));
    const error = await rejection(client.chat.completions.create(invalid as unknown as ChatCompletionParams));
    expect(error).toBeInstanceOf(ParleyInvalidRequestError);
    expect(error).toMatchObject({ kind: 'invalid-request', param });
    expect(server.requests).toHaveLength(0);
  });
});

describe('models', () => {
  it('lists models', async () => {
    const list = { data: [{ id: 'parley/echo', name: 'Echo' }] };
    const { server, client } = await serve((_, res) => sendJson(res, 200, list));
    expect(await client.models.list()).toEqual(list);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/v1/models' });
  });

  it('lists the endpoints of one model, escaping the id parts', async () => {
    const endpoints = { data: { id: 'parley/echo', endpoints: [] } };
    const { server, client } = await serve((_, res) => sendJson(res, 200, endpoints));
    expect(await client.models.endpoints('parley/echo:free')).toEqual(endpoints);
    expect(server.requests[0]?.url).toBe('/api/v1/models/parley/echo%3Afree/endpoints');
  });

  it('rejects a model id that is not author/slug before sending anything', async () => {
    const { server, client } = await serve((_, res) => sendJson(res, 200, {}));
    for (const id of ['echo', 'a/b/c', '/slug', 'author/']) {
      expect(await rejection(client.models.endpoints(id))).toBeInstanceOf(ParleyInvalidRequestError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a list without data with an invalid-response error', async () => {
    const { client } = await serve((_, res) => sendJson(res, 200, { models: [] }));
    expect(await rejection(client.models.list())).toBeInstanceOf(ParleyInvalidResponseError);
  });
});

describe('the API key in errors', () => {
  function expectNoKey(error: unknown) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(String(error)).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
    expect(JSON.stringify((error as { body?: unknown }).body ?? null)).not.toContain(API_KEY);
  }

  it('is redacted from an HTTP error whose body echoes it', async () => {
    const { client } = await serve((req, res) =>
      sendJson(res, 401, { error: { code: 401, message: `Invalid key: ${req.headers.authorization}` } }),
    );
    const error = await rejection(client.chat.completions.create(params));
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect((error as ParleyHttpError).message).toContain('Invalid key: Bearer [redacted]');
    expectNoKey(error);
  });

  it('is redacted from a stream error chunk that echoes it', async () => {
    const { client } = await serve((req, res) => {
      const send = openEventStream(res);
      send(contentChunk('partial'));
      send({
        ...contentChunk('', 'error'),
        error: { code: 'server_error', message: `bad ${req.headers.authorization}` },
      });
      res.end();
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(ParleyStreamError);
    expectNoKey(error);
  });

  it('is redacted from a parse error whose event data echoes it', async () => {
    const { client } = await serve((req, res) => {
      const send = openEventStream(res);
      send(contentChunk('partial'));
      send(`not json: ${req.headers.authorization}`);
      res.end();
    });
    const stream = await client.chat.completions.create({ ...params, stream: true });
    const error = await rejection(stream.finalCompletion());
    expect(error).toBeInstanceOf(ParleyParseError);
    expect((error as ParleyParseError).data).toBe('not json: Bearer [redacted]');
    expectNoKey(error);
  });

  it('is absent from network errors', async () => {
    const { server, client } = await serve((_, res) => res.socket?.destroy());
    const error = await rejection(client.chat.completions.create(params, { maxRetries: 0 }));
    expect(server.requests).toHaveLength(1);
    expectNoKey(error);
  });
});
