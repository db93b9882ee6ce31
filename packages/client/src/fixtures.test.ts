import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParleyClient, type ParleyClientOptions } from './client.ts';
import { ParleyStreamError } from './errors.ts';
import { bodyOf, splitAt, splits } from './testing/byte-splits.ts';
import type { ChatCompletion, ChatCompletionChunk, ErrorBody } from './wire-types.ts';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.sse'))
  .map((file) => {
    const name = file.replace(/\.sse$/, '');
    const errorFile = `${dir}${name}.error.json`;
    return {
      name,
      bytes: new Uint8Array(readFileSync(dir + file)),
      expected: JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as ChatCompletion,
      // A fixture that ends in a stream error has the error body it must surface beside it.
      expectedError: existsSync(errorFile)
        ? (JSON.parse(readFileSync(errorFile, 'utf8')) as ErrorBody['error'])
        : undefined,
    };
  });

/** Streams through the client, as an application does. */
async function streamThroughClient(pieces: Uint8Array[]) {
  return streamFrom({
    fetch: async () => new Response(bodyOf(pieces), { headers: { 'content-type': 'text/event-stream' } }),
  });
}

async function streamFrom(options: Omit<ParleyClientOptions, 'baseURL'>) {
  const client = createParleyClient({ baseURL: 'http://fixtures.invalid/api/v1', maxRetries: 0, ...options });
  const stream = await client.chat.completions.create({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  const chunks: ChatCompletionChunk[] = [];
  let error: unknown;
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (caught) {
    error = caught;
  }
  return { chunks, error, current: stream.currentCompletion() };
}

describe.each(fixtures)('fixture $name', ({ bytes, expected, expectedError }) => {
  it.each(splits)('streams the same completion through the client, fed %s', async (_, split) => {
    const { error, current } = await streamThroughClient(split(bytes));
    expect(current).toEqual(expected);
    if (expectedError) {
      expect(error).toBeInstanceOf(ParleyStreamError);
      expect((error as ParleyStreamError).partial).toEqual(expected);
      expect((error as ParleyStreamError).body).toEqual(expectedError);
    } else {
      expect(error).toBeUndefined();
    }
  });
});

describe('every fixture', () => {
  it('yields the same chunks whatever the byte boundaries', async () => {
    for (const { bytes } of fixtures) {
      const whole = await streamThroughClient([bytes]);
      const bytewise = await streamThroughClient(
        splitAt(
          bytes,
          Array.from(bytes, (_, i) => i),
        ),
      );
      expect(bytewise.chunks).toEqual(whole.chunks);
      expect(whole.chunks.length).toBeGreaterThan(0);
    }
  });

  it('assembles to the same result for every split (property)', async () => {
    const fixtureWithCuts = fc
      .constantFrom(...fixtures)
      .chain((fixture) =>
        fc.tuple(
          fc.constant(fixture),
          fc.uniqueArray(fc.integer({ min: 1, max: fixture.bytes.length - 1 }), { maxLength: 80 }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(fixtureWithCuts, async ([fixture, cuts]) => {
        const { current } = await streamThroughClient(splitAt(fixture.bytes, cuts));
        expect(current).toEqual(fixture.expected);
      }),
      { numRuns: 300 },
    );
  });
});
