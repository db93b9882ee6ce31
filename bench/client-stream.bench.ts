/**
 * How fast @parley/client turns a chat completion stream into a completion, beside
 * eventsource-parser alone on the same bytes, and whether the cost per chunk stays flat as the
 * stream grows (the accumulator must be linear), for text and for tool calls merged by index.
 * Every figure is process CPU time (median of several runs after a warm-up), which moves far
 * less than wall time when other work shares the cores.
 *
 * A second table feeds the same stream in small reads (random 1-512 byte pieces, what a slow
 * network gives) to the client, to eventsource-parser with JSON.parse alone, and to the `openai`
 * package (a bench-only dependency of the root), side by side in one run.
 *
 * Run: pnpm exec tsx --conditions=source bench/client-stream.bench.ts   (about 30-90 s)
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type ChatCompletion, createParleyClient } from '@parley/client';
import OpenAI from 'openai';
// The pieces the client's stream is built from are internal: the bench times them from their source.
import { createCompletionAccumulator } from '../packages/client/src/accumulator.ts';
import { createEventDecoder, DONE, toChunk } from '../packages/client/src/sse.ts';

// The parser the client itself depends on (same version), resolved from the client package.
const requireFromClient = createRequire(new URL('../packages/client/package.json', import.meta.url));
const { createParser } = (await import(
  pathToFileURL(requireFromClient.resolve('eventsource-parser')).href
)) as {
  createParser(callbacks: { onEvent(event: { data: string }): void }): { feed(text: string): void };
};

const READ_SIZE = 16 * 1024; // a typical network read
const WORDS = [
  'The',
  ' quick',
  ' brown',
  ' fox',
  ' jumps',
  ' over',
  ' the',
  ' lazy',
  ' dog',
  ' — ',
  'é',
  '日本',
  ' 👋',
  '.\n',
];

/** An OpenRouter-shaped stream: reasoning with reasoning_details, then content, usage, [DONE]. */
function buildStream(chunks: number): Uint8Array {
  const head =
    '"id":"gen-1764100000-bench","provider":"OpenAI","model":"openai/gpt-4o","object":"chat.completion.chunk","created":1764100000';
  const parts: string[] = [': OPENROUTER PROCESSING\n\n'];
  const reasoningChunks = Math.floor(chunks / 5);
  for (let i = 0; i < chunks; i++) {
    const word = JSON.stringify(WORDS[i % WORDS.length]);
    const delta =
      i < reasoningChunks
        ? `{"role":"assistant","content":"","reasoning":${word},"reasoning_details":[{"type":"reasoning.text","text":${word},"format":"anthropic-claude-v1","index":0}]}`
        : `{"role":"assistant","content":${word}}`;
    parts.push(
      `data: {${head},"choices":[{"index":0,"delta":${delta},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}\n\n`,
    );
    if (i % 1000 === 999) parts.push(': OPENROUTER PROCESSING\n\n');
  }
  parts.push(
    `data: {${head},"choices":[{"index":0,"delta":{},"finish_reason":"stop","native_finish_reason":"stop"}]}\n\n`,
  );
  parts.push(
    `data: {${head},"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":${chunks},"total_tokens":${chunks + 10}}}\n\n`,
  );
  parts.push('data: [DONE]\n\n');
  return new TextEncoder().encode(parts.join(''));
}

/** Two parallel tool calls (at indices 1 and 2, as some providers number them) whose arguments stream interleaved. */
function buildToolCallStream(chunks: number): Uint8Array {
  const head =
    '"id":"gen-1764100000-tools","provider":"Google","model":"google/gemini-2.5-flash","object":"chat.completion.chunk","created":1764100000';
  const parts: string[] = [];
  for (let i = 0; i < chunks; i++) {
    const index = 1 + (i % 2);
    const call =
      i < 2
        ? `{"index":${index},"id":"call_${index}","type":"function","function":{"name":"write_file","arguments":"{\\"text\\":\\""}}`
        : `{"index":${index},"function":{"arguments":${JSON.stringify(WORDS[i % WORDS.length])}}}`;
    parts.push(
      `data: {${head},"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[${call}]},"finish_reason":null}]}\n\n`,
    );
  }
  parts.push(`data: {${head},"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\n\n`);
  parts.push('data: [DONE]\n\n');
  return new TextEncoder().encode(parts.join(''));
}

function bodyOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + READ_SIZE));
      offset += READ_SIZE;
    },
  });
}

function parserAlone(bytes: Uint8Array): number {
  let events = 0;
  const parser = createParser({ onEvent: () => void events++ });
  const decoder = new TextDecoder();
  for (let offset = 0; offset < bytes.length; offset += READ_SIZE) {
    parser.feed(decoder.decode(bytes.subarray(offset, offset + READ_SIZE), { stream: true }));
  }
  parser.feed(decoder.decode());
  return events;
}

/** The least work any client must do: frame the events and parse their JSON (bytes handed over synchronously). */
function parserAndJson(bytes: Uint8Array): number {
  let parsed = 0;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data !== '[DONE]') parsed += JSON.parse(event.data) ? 1 : 0;
    },
  });
  const decoder = new TextDecoder();
  for (let offset = 0; offset < bytes.length; offset += READ_SIZE) {
    parser.feed(decoder.decode(bytes.subarray(offset, offset + READ_SIZE), { stream: true }));
  }
  parser.feed(decoder.decode());
  return parsed;
}

/** What the client's stream does with each read, with no stream around it: decode, map events to chunks, assemble. */
function decodeParseAccumulate(bytes: Uint8Array): ChatCompletion {
  const accumulator = createCompletionAccumulator();
  const events: { event?: string | undefined; data: string }[] = [];
  const decoder = createEventDecoder((event) => events.push(event));
  const fold = () => {
    for (const event of events) {
      const chunk = toChunk(event);
      if (chunk !== DONE && chunk !== undefined) accumulator.add(chunk);
    }
    events.length = 0;
  };
  for (let offset = 0; offset < bytes.length; offset += READ_SIZE) {
    decoder.push(bytes.subarray(offset, offset + READ_SIZE));
    fold();
  }
  decoder.end();
  fold();
  return accumulator.snapshot();
}

async function throughClient(bytes: Uint8Array): Promise<unknown> {
  const client = createParleyClient({
    baseURL: 'http://bench.invalid/api/v1',
    fetch: async () => new Response(bodyOf(bytes), { headers: { 'content-type': 'text/event-stream' } }),
  });
  const stream = await client.chat.completions.create({
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  for await (const _ of stream);
  return (await stream.finalCompletion()).choices[0]?.message.content ?? '';
}

/** Cuts the stream at random 1-512 byte boundaries (seeded, so every run and every row get the same reads). */
function smallReads(bytes: Uint8Array, seed = 42): Uint8Array[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const size = 1 + Math.floor(random() * 512);
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  return pieces;
}

function bodyOfPieces(pieces: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

function parserAndJsonPieces(pieces: readonly Uint8Array[]): number {
  let parsed = 0;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data !== '[DONE]') parsed += JSON.parse(event.data) ? 1 : 0;
    },
  });
  const decoder = new TextDecoder();
  for (const piece of pieces) parser.feed(decoder.decode(piece, { stream: true }));
  parser.feed(decoder.decode());
  return parsed;
}

/** The same least work, reading the bytes from a fetch Response body as every streaming client must. */
async function parserAndJsonReader(pieces: readonly Uint8Array[]): Promise<number> {
  let parsed = 0;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data !== '[DONE]') parsed += JSON.parse(event.data) ? 1 : 0;
    },
  });
  const decoder = new TextDecoder();
  const reader = (sseResponse(bodyOfPieces(pieces)).body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const result = await reader.read();
    if (result.done) break;
    parser.feed(decoder.decode(result.value, { stream: true }));
  }
  parser.feed(decoder.decode());
  return parsed;
}

async function clientPieces(pieces: readonly Uint8Array[]): Promise<unknown> {
  const client = createParleyClient({
    baseURL: 'http://bench.invalid/api/v1',
    fetch: async () => sseResponse(bodyOfPieces(pieces)),
  });
  const stream = await client.chat.completions.create({
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  for await (const _ of stream);
  return (await stream.finalCompletion()).choices[0]?.message.content ?? '';
}

/** The openai package's own stream: it parses the chunks and yields them, assembling nothing. */
async function openaiPieces(pieces: readonly Uint8Array[]): Promise<number> {
  const client = new OpenAI({
    apiKey: 'sk-bench',
    baseURL: 'http://bench.invalid/api/v1',
    maxRetries: 0,
    fetch: async () => sseResponse(bodyOfPieces(pieces)),
  });
  const stream = await client.chat.completions.create({
    model: 'openai/gpt-4o',
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  let chunks = 0;
  for await (const _ of stream) chunks++;
  return chunks;
}

/** Process CPU time of one run: unlike wall time it barely moves when other work shares the cores. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The median CPU time of `iterations` runs after one warm-up. */
async function median(fn: () => unknown, iterations: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push(await cpuMs(fn));
  return times.sort((a, b) => a - b)[Math.floor(iterations / 2)] ?? Number.NaN;
}

const CHUNKS = 100_000;
const bytes = buildStream(CHUNKS);
const megabytes = bytes.length / 1e6;
if (parserAlone(bytes) !== CHUNKS + 3) throw new Error('the stream does not hold the expected events');
if (decodeParseAccumulate(bytes).choices[0]?.message.content !== (await throughClient(bytes))) {
  throw new Error('paths disagree');
}
const toolCalls = decodeParseAccumulate(buildToolCallStream(1000)).choices[0]?.message.tool_calls;
if (toolCalls?.length !== 2) throw new Error('the tool-call stream does not assemble into two calls');

console.log(
  `\nStream: ${CHUNKS.toLocaleString('en')} chunks, ${megabytes.toFixed(1)} MB, read ${READ_SIZE / 1024} KiB at a time\n`,
);
const rows: Record<string, Record<string, string>> = {};
for (const [name, fn] of [
  ['(a) eventsource-parser alone', () => parserAlone(bytes)],
  ['(a2) eventsource-parser + JSON.parse', () => parserAndJson(bytes)],
  ['(b) Parley decode + map + accumulate', () => decodeParseAccumulate(bytes)],
  ['(c) Parley client stream (fetch Response)', () => throughClient(bytes)],
] as const) {
  const ms = await median(fn, 7);
  rows[name] = {
    'CPU ms': ms.toFixed(0),
    'MB/s': (megabytes / (ms / 1000)).toFixed(1),
    'chunks/s': Math.round(CHUNKS / (ms / 1000)).toLocaleString('en'),
  };
}
console.table(rows);

const pieces = smallReads(bytes);
if ((await openaiPieces(pieces)) !== CHUNKS + 2 || (await parserAndJsonReader(pieces)) !== CHUNKS + 2) {
  throw new Error('the small-read paths do not see every chunk');
}
if (JSON.stringify(await clientPieces(pieces)) !== JSON.stringify(await throughClient(bytes))) {
  throw new Error('small reads assemble differently');
}
console.log(
  `\nSmall reads: the same stream in ${pieces.length.toLocaleString('en')} reads of 1-512 bytes (random, seeded); CPU time, median of 7 interleaved rounds\n`,
);
const smallRows = [
  ['(a2) eventsource-parser + JSON.parse, fed synchronously', () => parserAndJsonPieces(pieces)],
  ['(a3) eventsource-parser + JSON.parse, reading the Response', () => parserAndJsonReader(pieces)],
  ['(c) Parley client stream', () => clientPieces(pieces)],
  ['(o) openai package stream', () => openaiPieces(pieces)],
] as const;
const samples: number[][] = smallRows.map(() => []);
for (let round = 0; round < 8; round++) {
  for (const [index, [, fn]] of smallRows.entries()) {
    const ms = await cpuMs(fn);
    if (round > 0) samples[index]?.push(ms); // round 0 warms up
  }
}
const medians = samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN);
const clientMs = medians[2] ?? Number.NaN;
const small: Record<string, Record<string, string>> = {};
for (const [index, [name]] of smallRows.entries()) {
  const ms = medians[index] ?? Number.NaN;
  small[name] = {
    'CPU ms': ms.toFixed(0),
    'MB/s': (megabytes / (ms / 1000)).toFixed(1),
    'client speed vs this row': `${(ms / clientMs).toFixed(2)}x`,
  };
}
console.table(small);

console.log('\nLinearity of (b): time per chunk should stay flat as the stream grows\n');
const linearity: Record<string, Record<string, string>> = {};
for (const size of [10_000, 50_000, 100_000]) {
  const sized = buildStream(size);
  const ms = await median(() => decodeParseAccumulate(sized), size < 50_000 ? 15 : 7);
  linearity[size.toLocaleString('en')] = {
    'CPU ms': ms.toFixed(1),
    'µs per chunk': ((ms * 1000) / size).toFixed(2),
  };
}
console.table(linearity);

console.log(
  '\nLinearity of (b) on tool calls: two calls whose arguments stream interleaved, merged by index\n',
);
const toolLinearity: Record<string, Record<string, string>> = {};
for (const size of [10_000, 50_000, 100_000]) {
  const sized = buildToolCallStream(size);
  const ms = await median(() => decodeParseAccumulate(sized), size < 50_000 ? 15 : 7);
  toolLinearity[size.toLocaleString('en')] = {
    'CPU ms': ms.toFixed(1),
    'µs per chunk': ((ms * 1000) / size).toFixed(2),
  };
}
console.table(toolLinearity);
