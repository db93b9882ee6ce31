/**
 * Answers real and hostile servers send that are not a plain event stream, through the client's
 * public API and fed whole, one byte per read and at random cuts (the SSE transcripts themselves
 * are in `__fixtures__/`, run by fixtures.test.ts).
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createParleyClient } from './client.ts';
import { ParleyHttpError, ParleyParseError, ParleyStreamError, toChatErrorInfo } from './errors.ts';
import { bodyOf, splits } from './testing/byte-splits.ts';

const encoder = new TextEncoder();
const params = {
  model: 'parley/echo',
  messages: [{ role: 'user' as const, content: 'Hi' }],
  stream: true as const,
};

/** A client whose server answers every request with `answer(request)`, its body fed in `split` pieces. */
function clientAnswering(
  split: (bytes: Uint8Array) => Uint8Array[],
  answer: (apiKey: string) => {
    status?: number;
    contentType: string;
    body: string;
    headers?: Record<string, string>;
  },
  apiKey?: string,
) {
  return createParleyClient({
    baseURL: 'http://wire.invalid/api/v1',
    maxRetries: 0,
    apiKey,
    fetch: async (_, init) => {
      const key = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
      const { status = 200, contentType, body, headers = {} } = answer(key);
      return new Response(bodyOf(split(encoder.encode(body))), {
        status,
        headers: { 'content-type': contentType, ...headers },
      });
    },
  });
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

async function streamToEnd(client: ReturnType<typeof createParleyClient>): Promise<void> {
  const stream = await client.chat.completions.create(params);
  for await (const _ of stream);
}

describe('a 200 JSON answer to a streaming request', () => {
  const body = {
    error: { code: 502, message: 'Provider returned error', metadata: { provider_name: 'Groq' } },
  };

  it.each(splits)('is the error its body holds, typed and intact, fed %s', async (_, split) => {
    const client = clientAnswering(split, () => ({
      contentType: 'application/json; charset=utf-8',
      body: `\n\n         ${JSON.stringify(body)}`,
    }));
    const error = await failure(() => streamToEnd(client));
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect(error).toMatchObject({
      kind: 'http',
      status: 200,
      body,
      message: 'HTTP 200: Provider returned error',
    });
  });

  it('is still an unexpected answer when its JSON is not an error', async () => {
    const client = clientAnswering(splits[0]![1], () => ({
      contentType: 'application/json',
      body: '{"choices":[]}',
    }));
    expect(await failure(() => streamToEnd(client))).toMatchObject({
      kind: 'invalid-response',
      message: 'Expected an event stream, got application/json',
    });
  });
});

/** A key as long as OpenRouter's (60 characters). */
const KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4).slice(0, 51)}`;

/** Every 6-character piece of the key: none may survive anywhere in what an error prints. */
function keyFragmentsIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 6 <= KEY.length; i++)
    if (text.includes(KEY.slice(i, i + 6))) found.push(KEY.slice(i, i + 6));
  return found;
}

/** What `console.error(error)` prints (message, stack, cause chain, fields), and its JSON form. */
function printed(error: unknown): string {
  return `${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}\n${JSON.stringify(toChatErrorInfo(error))}`;
}

describe('a hostile server echoing the API key', () => {
  it.each(splits)(
    'cannot get it into a parse error even across the 200-character cut, fed %s',
    async (_, split) => {
      // The key starts 27 characters before the cut, so cutting first would keep 27 of its 60 characters.
      const client = clientAnswering(
        split,
        (key) => ({
          contentType: 'text/event-stream',
          body: `data: {"echo": ${'x'.repeat(164)}${key} oops\n\n`,
        }),
        KEY,
      );
      const error = await failure(() => streamToEnd(client));
      expect(error).toBeInstanceOf(ParleyParseError);
      expect((error as ParleyParseError).data).toContain('[redacted]');
      expect(keyFragmentsIn(printed(error))).toEqual([]);
    },
  );

  it.each(splits)(
    'cannot get it into a stream error, an error event or their messages, fed %s',
    async (_, split) => {
      for (const event of [
        `data: {"id":"g","choices":[],"error":{"code":"bad","message":"bad key ${KEY}"}}\n\n`,
        `event: error\ndata: {"error":{"code":"bad","message":"bad key ${KEY}","metadata":{"raw":"${KEY}"}}}\n\n`,
        `event: error\ndata: not json ${KEY}\n\n`,
      ]) {
        const client = clientAnswering(split, () => ({ contentType: 'text/event-stream', body: event }), KEY);
        const error = await failure(() => streamToEnd(client));
        expect(error).toBeInstanceOf(ParleyStreamError);
        expect(printed(error)).toContain('[redacted]');
        expect(keyFragmentsIn(printed(error))).toEqual([]);
      }
    },
  );

  it.each(splits)(
    'cannot get it into an HTTP error, its headers or a JSON parse failure, fed %s',
    async (_, split) => {
      for (const answer of [
        {
          status: 401,
          contentType: 'application/json',
          body: `{"error":{"code":401,"message":"bad ${KEY}"}}`,
        },
        {
          status: 200,
          contentType: 'application/json',
          body: `{"error":{"code":401,"message":"bad ${KEY}"}}`,
        },
        {
          status: 200,
          contentType: 'application/json',
          body: `{"echo": ${KEY}}`,
          headers: { 'x-echo': KEY },
        },
        { status: 403, contentType: 'text/html', body: `<p>${KEY}</p>`, headers: { 'x-echo': `key=${KEY}` } },
      ]) {
        const client = clientAnswering(split, () => answer, KEY);
        const error = await failure(() => streamToEnd(client));
        expect(keyFragmentsIn(printed(error))).toEqual([]);
        expect(keyFragmentsIn(printed(await failure(() => client.models.list())))).toEqual([]);
      }
    },
  );
});
