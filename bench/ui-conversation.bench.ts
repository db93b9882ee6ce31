// Opens a 10,000-message conversation (the connected Chat.Messages over a real chat store) in
// Chromium and streams a reply into it, timing both.
// Run: pnpm exec tsx --conditions=source bench/ui-conversation.bench.ts   (about 40-60 s)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunch } from '../chromium-launch.ts';
import { servePage } from './serve-page.ts';

// Runs per size after one warm-up; the median is reported.
const RUNS = 5;
// One token every 10 ms is faster than most providers stream (often 30-100 tokens/s).
const TOKEN_MS = 10;

const root = fileURLToPath(new URL('./ui-conversation/', import.meta.url));
// A production build (React without its development checks, as users run it), packages from source.
const served = await servePage(root);
const url = served.url;

const browser = await chromium.launch({ ...chromiumLaunch, headless: true });
const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
await page.goto(url);
await page.waitForFunction(() => 'window' in globalThis && '__bench' in window, undefined, {
  timeout: 60_000,
});

type Bench = {
  open(count: number): Promise<number>;
  stream(tokenMs: number): Promise<{ frames: number[]; tokens: number }>;
};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ??
  Number.NaN;

const openRows: Record<string, string>[] = [];
for (const count of [100, 1_000, 10_000]) {
  await page.evaluate((n) => (window as unknown as { __bench: Bench }).__bench.open(n), count);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(await page.evaluate((n) => (window as unknown as { __bench: Bench }).__bench.open(n), count));
  }
  openRows.push({
    messages: count.toLocaleString('en'),
    'open (median ms)': median(times).toFixed(1),
    'min ms': Math.min(...times).toFixed(1),
    'max ms': Math.max(...times).toFixed(1),
  });
}
console.log('\nTime to open a conversation (mount until the last message is painted)');
console.table(openRows);

const streamRows: Record<string, string>[] = [];
for (const count of [100, 10_000]) {
  await page.evaluate((n) => (window as unknown as { __bench: Bench }).__bench.open(n), count);
  const { frames, tokens } = await page.evaluate(
    (ms) => (window as unknown as { __bench: Bench }).__bench.stream(ms),
    TOKEN_MS,
  );
  streamRows.push({
    messages: count.toLocaleString('en'),
    tokens: String(tokens),
    frames: String(frames.length),
    'p50 frame ms': percentile(frames, 50).toFixed(1),
    'p95 frame ms': percentile(frames, 95).toFixed(1),
    'max frame ms': Math.max(...frames).toFixed(1),
    'frames > 50 ms': String(frames.filter((gap) => gap > 50).length),
  });
}
console.log(
  `\nFrame times while a reply streams in (one token every ${TOKEN_MS} ms, list pinned to the bottom)`,
);
console.table(streamRows);

await browser.close();
await served.close();
