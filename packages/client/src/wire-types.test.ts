import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createParleyClient } from './client.ts';
import type { ChatCompletionStream } from './stream.ts';
import type {
  ChatCompletion,
  ChatCompletionNonStreamingParams,
  ChatCompletionStreamingParams,
  Message,
} from './wire-types.ts';

describe('generated wire types', () => {
  it('match what openapi-typescript generates from the committed spec', async () => {
    const spec = new URL('../spec/chat-completions.openapi.json', import.meta.url);
    // The same call and options as the `generate` script of package.json.
    const ast = await openapiTS(spec, { defaultNonNullable: false, silent: true });
    const regenerated = `${COMMENT_HEADER}${astToString(ast)}`;
    const committed = readFileSync(fileURLToPath(new URL('./generated/openapi.ts', import.meta.url)), 'utf8');
    expect(regenerated === committed, 'run `pnpm generate` and commit src/generated/openapi.ts').toBe(true);
  }, 60_000);
});

describe('chat.completions.create types', () => {
  const sse =
    'data: {"id":"g","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
  const json = '{"id":"g","object":"chat.completion","created":1,"model":"m","choices":[]}';
  const client = createParleyClient({
    baseURL: 'http://types.invalid/api/v1',
    fetch: async (_, init) => {
      const streaming = JSON.parse(String(init?.body)).stream === true;
      return new Response(streaming ? sse : json, {
        headers: { 'content-type': streaming ? 'text/event-stream' : 'application/json' },
      });
    },
  });
  const messages: Message[] = [{ role: 'user', content: 'Hi' }];

  it('resolve to a ChatCompletion without stream and to a ChatCompletionStream with stream: true', async () => {
    const plain = client.chat.completions.create({ model: 'm', messages });
    const explicit = client.chat.completions.create({ model: 'm', messages, stream: false });
    const streamed = client.chat.completions.create({ model: 'm', messages, stream: true });
    expectTypeOf(plain).toEqualTypeOf<Promise<ChatCompletion>>();
    expectTypeOf(explicit).toEqualTypeOf<Promise<ChatCompletion>>();
    expectTypeOf(streamed).toEqualTypeOf<Promise<ChatCompletionStream>>();
    expect(Array.isArray((await plain).choices)).toBe(true);
    expect(Array.isArray((await explicit).choices)).toBe(true);
    const stream = await streamed;
    expect(typeof stream[Symbol.asyncIterator]).toBe('function');
    expect((await stream.finalCompletion()).choices[0]?.message.content).toBe('x');
  });

  it('resolve to either shape when stream is only known at run time', async () => {
    const flag: boolean = Math.random() > 2;
    const either = client.chat.completions.create({ model: 'm', messages, stream: flag });
    expectTypeOf(either).toEqualTypeOf<Promise<ChatCompletion | ChatCompletionStream>>();
    expect('choices' in (await either)).toBe(true);
  });

  it('need only model and messages, with stream, temperature and top_p optional', () => {
    expectTypeOf<{ model: string; messages: Message[] }>().toExtend<ChatCompletionNonStreamingParams>();
    expectTypeOf<{ messages: Message[]; stream: true }>().toExtend<ChatCompletionStreamingParams>();
    expectTypeOf<{ messages: Message[]; stream: true }>().not.toExtend<ChatCompletionNonStreamingParams>();
    // @ts-expect-error a request needs messages
    expectTypeOf<{ model: string }>().toExtend<ChatCompletionNonStreamingParams>();
    expect(messages).toHaveLength(1);
  });
});
