import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompletionAccumulator } from './accumulator.ts';
import { createParleyClient } from './client.ts';
import { ParleyStreamError } from './errors.ts';
import { decodeServerSentEvents, parseChunkEvents } from './sse.ts';
import type { ChatCompletion, ChatCompletionChunk } from './wire-types.ts';

const dir = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const fixtures = readdirSync(dir)
  .filter((name) => name.endsWith('.sse'))
  .map((file) => ({
    name: file.replace(/\.sse$/, ''),
    bytes: new Uint8Array(readFileSync(dir + file)),
    expected: JSON.parse(readFileSync(dir + file.replace(/\.sse$/, '.json'), 'utf8')) as ChatCompletion,
  }));

/** Fixtures that end in an error chunk instead of finishing. */
const failing = new Set(['mid-stream-error']);

function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts)].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return pieces;
}

/** One read per piece, as a network body delivers them. */
function bodyOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const splits: Array<[string, (bytes: Uint8Array) => Uint8Array[]]> = [
  ['whole', (bytes) => [bytes]],
  [
    'one byte at a time',
    (bytes) =>
      splitAt(
        bytes,
        Array.from(bytes, (_, i) => i),
      ),
  ],
  [
    'random splits',
    (bytes) => {
      const random = seededRandom(bytes.length);
      return splitAt(
        bytes,
        Array.from({ length: 40 }, () => Math.floor(random() * bytes.length)),
      );
    },
  ],
];

/** Decodes and accumulates with the exported pure pieces. */
async function assemble(pieces: Uint8Array[]): Promise<{ completion: ChatCompletion; done: boolean }> {
  const accumulator = createCompletionAccumulator();
  const chunks = parseChunkEvents(decodeServerSentEvents(bodyOf(pieces)));
  for (;;) {
    const step = await chunks.next();
    if (step.done) return { completion: accumulator.snapshot(), done: step.value.done };
    accumulator.add(step.value);
  }
}

/** Streams through the client, as an application does. */
async function streamThroughClient(pieces: Uint8Array[]) {
  const client = createParleyClient({
    baseURL: 'http://fixtures.invalid/api/v1',
    fetch: async () => new Response(bodyOf(pieces), { headers: { 'content-type': 'text/event-stream' } }),
  });
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

describe.each(fixtures)('fixture $name', ({ name, bytes, expected }) => {
  it.each(splits)('assembles the expected completion from the pure pieces, fed %s', async (_, split) => {
    const { completion, done } = await assemble(split(bytes));
    expect(completion).toEqual(expected);
    expect(done).toBe(!failing.has(name));
  });

  it.each(splits)('streams the same completion through the client, fed %s', async (_, split) => {
    const { error, current } = await streamThroughClient(split(bytes));
    expect(current).toEqual(expected);
    if (failing.has(name)) {
      expect(error).toBeInstanceOf(ParleyStreamError);
      expect((error as ParleyStreamError).partial).toEqual(expected);
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
        const { completion } = await assemble(splitAt(fixture.bytes, cuts));
        expect(completion).toEqual(fixture.expected);
      }),
      { numRuns: 300 },
    );
  });
});
