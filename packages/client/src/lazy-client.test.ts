import { afterEach, describe, expect, it } from 'vitest';
import { ParleyHttpError } from './errors.ts';
import { lazyParleyClient } from './lazy-client.ts';
import {
  contentChunk,
  openEventStream,
  rejection,
  sendJson,
  startTestServer,
  type TestServer,
} from './testing/test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const messages = [{ role: 'user' as const, content: 'Hi' }];

describe('lazyParleyClient', () => {
  it('streams, lists models and fails with typed errors as createParleyClient does', async () => {
    server = await startTestServer((request, res) => {
      if (request.url.endsWith('/models')) return sendJson(res, 200, { data: [{ id: 'parley/echo' }] });
      if (request.headers.authorization !== 'Bearer key') {
        return sendJson(res, 401, { error: { code: 401, message: 'No auth credentials found' } });
      }
      const send = openEventStream(res);
      send(contentChunk('Once'));
      send(contentChunk(' upon', 'stop'));
      send('[DONE]');
      res.end();
    });
    const client = lazyParleyClient({ baseURL: server.baseURL, apiKey: 'key', maxRetries: 0 });
    await client.preload();
    const stream = await client.chat.completions.create({ model: 'parley/echo', messages, stream: true });
    const text: string[] = [];
    for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? '');
    expect(text.join('')).toBe('Once upon');
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('Once upon');
    expect((await client.models.list()).data.map((model) => model.id)).toEqual(['parley/echo']);

    const anonymous = lazyParleyClient({ baseURL: server.baseURL, maxRetries: 0 });
    const error = await rejection(anonymous.chat.completions.create({ model: 'parley/echo', messages }));
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect((error as ParleyHttpError).status).toBe(401);
  });
});
