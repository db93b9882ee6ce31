// Streams pathological replies (a 60 KB code block, a 1,000-row table, 5,000 nesting markers,
// 20,000 emphasis delimiters, a 200 KB line) into one Markdown in Chromium, 5 characters a token,
// and reports the cost per token at the start, middle and end of each (1,000 tokens each), and the
// longest task of the whole run (streaming, the final render and highlighting).
// Run: pnpm exec tsx --conditions=source bench/markdown-stream.bench.ts [name filter]   (about 5-15 min;
// a filter such as `table` runs only the replies whose name contains it)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunch } from '../chromium-launch.ts';
import { servePage } from './serve-page.ts';

// About one English token.
const TOKEN_CHARS = 5;

type Result = {
  perToken: number[][];
  renderOnly: number[][];
  settleMs: number;
  highlightMs: number;
  longTasks: number[];
  bytes: number;
};
type Bench = { run(name: string, tokenChars: number): Promise<Result>; names: string[] };

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

const page = await servePage(fileURLToPath(new URL('./markdown-stream/', import.meta.url)));
const browser = await chromium.launch({ ...chromiumLaunch, headless: true });
const tab = await browser.newPage({ viewport: { width: 1024, height: 800 } });
await tab.goto(page.url);
await tab.waitForFunction(() => '__bench' in window, undefined, { timeout: 60_000 });
const only = process.argv[2]?.toLowerCase();
const names = (await tab.evaluate(() => (window as unknown as { __bench: Bench }).__bench.names)).filter(
  (name) => !only || name.toLowerCase().includes(only),
);

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

// The longest main-thread task by CPU time (from a Chromium trace), in ms. Wall time (the
// longtask column) grows with whatever else runs on the machine; CPU time is the page's own work.
async function traced<T>(work: () => Promise<T>): Promise<{ result: T; longestCpuMs: number }> {
  await browser.startTracing(tab, { categories: ['toplevel'] });
  const result = await work();
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  const main = traceEvents.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  const isMain = (event: TraceEvent) =>
    main.some((thread) => thread.pid === event.pid && thread.tid === event.tid);
  const longest = traceEvents
    .filter((event) => event.ph === 'X' && isMain(event))
    .reduce((most, event) => Math.max(most, event.tdur ?? 0), 0);
  return { result, longestCpuMs: longest / 1000 };
}

const rows: Record<string, string>[] = [];
for (const name of names) {
  const { result, longestCpuMs } = await traced(() =>
    tab.evaluate(([sample, chars]) => (window as unknown as { __bench: Bench }).__bench.run(sample, chars), [
      name,
      TOKEN_CHARS,
    ] as const),
  );
  const [first = [], middle = [], last = []] = result.perToken;
  const start = mean(first);
  const end = mean(last);
  rows.push({
    reply: name,
    KB: (result.bytes / 1000).toFixed(0),
    'start ms/token': start.toFixed(3),
    'middle ms/token': mean(middle).toFixed(3),
    'end ms/token': end.toFixed(3),
    'end / start': (end / start).toFixed(2),
    'render only, start': mean(result.renderOnly[0] ?? []).toFixed(3),
    'render only, end': mean(result.renderOnly[2] ?? []).toFixed(3),
    'max token ms': Math.max(...first, ...middle, ...last).toFixed(1),
    'settle ms': result.settleMs.toFixed(1),
    'highlight ms': result.highlightMs ? result.highlightMs.toFixed(0) : '-',
    'tasks > 50 ms': String(result.longTasks.length),
    'longest task ms': result.longTasks.length ? Math.max(...result.longTasks).toFixed(0) : '< 50',
    'longest task, CPU ms': longestCpuMs.toFixed(0),
  });
  console.log(JSON.stringify(rows.at(-1)));
}
console.log(
  `\nPer-token cost (React render and commit, then the browser's layout), ${TOKEN_CHARS} characters a token`,
);
console.table(rows);

await browser.close();
await page.close();
