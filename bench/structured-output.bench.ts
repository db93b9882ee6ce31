/**
 * What a streamed token of a structured (JSON) reply costs to read, at 1 kB and at 100 kB of
 * output: the incremental reader `StructuredOutput` uses (`createStreamingJson`, which parses only
 * the text a token added) against re-parsing the whole partial text per token with partial-json
 * (what `StructuredOutput` did before, and what tool-call arguments still do). The per-token cost
 * of the reader must stay flat as the reply grows; the re-parse grows with it.
 * See bench/README.md, "structured-output".
 *
 *   pnpm exec tsx --conditions=source bench/structured-output.bench.ts
 */
import { createStreamingJson } from '../packages/ui/src/structured-output/streaming-json.ts';
import { parsePartialToolArguments } from '../packages/ui/src/tool-call/parse-arguments.ts';

const RUNS = 7;
// About what a model streams per chunk: a few characters.
const TOKEN_CHARACTERS = 4;
// The re-parse is timed over the reply's last tokens only (timing all of a 100 kB reply would
// take minutes); the end of a reply is where a token costs it the most.
const REPARSE_TOKENS = 300;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A pretty-printed itinerary of `days` days, as `parley/structured` streams one: objects, arrays, strings, numbers. */
function itinerary(targetBytes: number): string {
  const days: unknown[] = [];
  let text = '';
  for (let day = 1; text.length < targetBytes; day += 1) {
    days.push({
      day,
      city: ['Lisbon', 'Porto', 'Coimbra', 'Évora'][day % 4],
      weather: { high: 18 + (day % 7), low: 9 + (day % 5), sunny: day % 3 !== 0 },
      activities: [
        { name: `Walk the old town, stop ${day}`, hours: 2.5, cost: null },
        { name: 'Tram 28 to the castle, then "pastéis" by the river', hours: 1.25, cost: 3.1 },
      ],
      notes: 'Book ahead in summer.\nCarry water.',
    });
    text = JSON.stringify({ trip: 'Portugal', currency: 'EUR', days }, null, 2);
  }
  return text;
}

/** The prefixes the UI sees, one per token. */
function prefixes(text: string): string[] {
  const result: string[] = [];
  for (let end = TOKEN_CHARACTERS; end < text.length + TOKEN_CHARACTERS; end += TOKEN_CHARACTERS) {
    result.push(text.slice(0, Math.min(end, text.length)));
  }
  return result;
}

/** Reads every prefix with one incremental reader; returns milliseconds and a checksum. */
function readIncrementally(texts: string[]): { ms: number; lastTenthMs: number; check: number } {
  const reader = createStreamingJson();
  const tenth = Math.floor(texts.length * 0.9);
  let check = 0;
  let lastTenthStart = 0;
  const start = performance.now();
  for (let index = 0; index < texts.length; index += 1) {
    if (index === tenth) lastTenthStart = performance.now();
    reader.read(texts[index] as string);
    if (reader.hasValue) check += reader.revision;
  }
  const end = performance.now();
  return { ms: end - start, lastTenthMs: end - lastTenthStart, check };
}

/** Re-parses each of the last prefixes whole, as a non-incremental reader must. */
function reparse(texts: string[]): { ms: number; check: number } {
  let check = 0;
  const start = performance.now();
  for (const text of texts) check += parsePartialToolArguments(text).kind === 'json' ? 1 : 0;
  return { ms: performance.now() - start, check };
}

const table: Record<string, string | number>[] = [];
for (const bytes of [1_000, 100_000]) {
  const text = itinerary(bytes);
  const texts = prefixes(text);
  const tail = texts.slice(-REPARSE_TOKENS);
  readIncrementally(texts); // warm-up
  reparse(tail);
  const incremental = Array.from({ length: RUNS }, () => readIncrementally(texts));
  const whole = Array.from({ length: RUNS }, () => reparse(tail));
  const lastTenthTokens = texts.length - Math.floor(texts.length * 0.9);
  table.push({
    output: `${(text.length / 1000).toFixed(1)} kB`,
    tokens: texts.length,
    'reader: µs per token (all)': ((median(incremental.map((run) => run.ms)) / texts.length) * 1000).toFixed(
      2,
    ),
    'reader: µs per token (last 10%)': (
      (median(incremental.map((run) => run.lastTenthMs)) / lastTenthTokens) *
      1000
    ).toFixed(2),
    'partial-json re-parse: µs per token (last tokens)': (
      (median(whole.map((run) => run.ms)) / tail.length) *
      1000
    ).toFixed(1),
  });
}
console.table(table);
