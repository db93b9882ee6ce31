// Side by side in Chromium: Parley's connected UI, Parley's per-message hooks, @ai-sdk/react's
// useChat and a hand-written reducer list, fed the same 2,000 tokens after 10 and 1,000 prior
// messages, as fast as they render and paced at 100 tokens a second.
// Run: pnpm exec tsx --conditions=source bench/chat-side-by-side.bench.ts [impl,...] [mode] [runs] [priors]
// (about 10-25 min for everything; e.g. `parley-chat fast 3` runs one implementation, one mode, three times)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunch } from '../chromium-launch.ts';
import { servePage } from './serve-page.ts';

const [onlyImpls, onlyMode, runs = '1', onlyPriors] = process.argv.slice(2);
const IMPLEMENTATIONS = onlyImpls?.split(',') ?? ['parley-chat', 'parley-hooks', 'ai-sdk', 'reducer'];
// `10` or `1000` alone (the last argument) for one conversation size.
const PRIORS = onlyPriors?.split(',').map(Number) ?? [10, 1000];
// `open` measures the first open alone (no stream), for more runs of it in less time.
const MODES = onlyMode ? [onlyMode as 'fast' | 'paced' | 'open'] : (['fast', 'paced'] as const);
const RUNS = Number(runs);
const TOKENS = 2000;

type Stream = { ms: number; latencies: number[]; settledRenders: number; longTasks: number[] };
type Bench = {
  opened(): Promise<number>;
  ready(): Promise<number>;
  stream(mode: string): Promise<Stream>;
  longestTask(from: number, to: number): number;
  openAgain(): Promise<number>;
  againReady(): Promise<number>;
};

/** The longest task (0 under 50 ms) between the first open and the full UI, per open. */
const TAKEOVER = 'longest task, open to full UI ms';

/** A conversation opened after the first in the same page (open mode): its wall and CPU time. */
const AGAIN_MS = 'open again ms';
const AGAIN_CPU = 'open again CPU ms';
/** And until its full UI is there (Parley's connected UI draws a preview first, as on a first open). */
const AGAIN_FULL_MS = 'open again, full UI ms';
const AGAIN_FULL_CPU = 'open again, full UI CPU ms';

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ??
  Number.NaN;

const page = await servePage(fileURLToPath(new URL('./chat-side-by-side/', import.meta.url)));
const browser = await chromium.launch({ ...chromiumLaunch, headless: true });

// One unmeasured open of each implementation first: the browser's first page (its first renderer process,
// the server's first reads of the files) was a few hundred ms slower than any after it, and would be
// charged to whichever implementation came first.
for (const impl of IMPLEMENTATIONS) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${page.url}?impl=${impl}&prior=10`);
  await tab.waitForFunction(() => '__bench' in window, undefined, { timeout: 60_000 });
  await tab.evaluate(() => (window as unknown as { __bench: Bench }).__bench.opened());
  await context.close();
}

const rows: Record<string, string>[] = [];
/** The run each row is from (`rows`' order): pairs an implementation's open with the reducer list's. */
const runOf: number[] = [];
for (const mode of MODES) {
  for (const prior of PRIORS) {
    for (let run = 0; run < RUNS; run++)
      // Each run starts with another implementation, so none is always the first after a change of load.
      for (const impl of IMPLEMENTATIONS.map((_, index, all) => all[(index + run) % all.length] as string)) {
        // A fresh context per run: nothing cached, so the open is a first open in a fresh page.
        const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Performance.enable');
        await tab.goto(`${page.url}?impl=${impl}&prior=${prior}`);
        await tab.waitForFunction(() => '__bench' in window, undefined, { timeout: 60_000 });
        const openMs = await tab.evaluate(() => (window as unknown as { __bench: Bench }).__bench.opened());
        // TaskDuration is wall time of the page's tasks; ThreadTime is the main thread's CPU time,
        // which other processes on the machine do not inflate.
        const seconds = async () => {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? 0;
          return { task: metric('TaskDuration'), thread: metric('ThreadTime') };
        };
        const atOpen = await seconds();
        // Parley's connected UI first draws a saved conversation's messages without their actions; the
        // full rows take over once the page is idle. The others are whole when they open.
        const readyMs = await tab.evaluate(() => (window as unknown as { __bench: Bench }).__bench.ready());
        const before = await seconds();
        // Once the conversation is on screen the person may scroll or type: a long task while the full UI
        // arrives is a stutter they feel. The observer reports its entries a moment after each task.
        await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
        const takeoverTask = await tab.evaluate(
          ([from, to]) => (window as unknown as { __bench: Bench }).__bench.longestTask(from, to),
          [openMs, readyMs] as const,
        );
        // The main thread's CPU time from the page's start until the conversation was open: the first
        // open's own work (parsing, compiling and running the code, rendering, layout), without the
        // waiting on the network and on other processes that its wall time also holds.
        const opening = {
          'first open ms': openMs.toFixed(0),
          'first open CPU ms': (atOpen.thread * 1000).toFixed(0),
          'full UI ms': readyMs.toFixed(0),
          'full UI CPU ms': (before.thread * 1000).toFixed(0),
          [TAKEOVER]: takeoverTask.toFixed(0),
        };
        if (mode === 'open') {
          // Then the next conversations, in the same page: the code is there, only the open's own work is
          // left (the median of three).
          const again: { ms: number; cpu: number; fullMs: number; fullCpu: number }[] = [];
          for (let time = 0; time < 3; time++) {
            const start = await seconds();
            const ms = await tab.evaluate(() =>
              (window as unknown as { __bench: Bench }).__bench.openAgain(),
            );
            // Read before the page's idle callbacks run (chat-side-by-side/idle-hold.ts): work deferred
            // until the page is idle is the full UI's.
            const cpu = ((await seconds()).thread - start.thread) * 1000;
            const fullMs = await tab.evaluate(() =>
              (window as unknown as { __bench: Bench }).__bench.againReady(),
            );
            again.push({ ms, cpu, fullMs, fullCpu: ((await seconds()).thread - start.thread) * 1000 });
          }
          rows.push({
            mode,
            prior: String(prior),
            implementation: impl,
            ...opening,
            [AGAIN_MS]: median(again.map((open) => open.ms)).toFixed(0),
            [AGAIN_CPU]: median(again.map((open) => open.cpu)).toFixed(1),
            [AGAIN_FULL_MS]: median(again.map((open) => open.fullMs)).toFixed(0),
            [AGAIN_FULL_CPU]: median(again.map((open) => open.fullCpu)).toFixed(1),
          });
          runOf.push(run);
          console.log(JSON.stringify(rows.at(-1)));
          await context.close();
          continue;
        }
        const result = await tab.evaluate(
          (streamMode) =>
            (window as unknown as { __bench: Bench }).__bench.stream(streamMode as 'fast' | 'paced'),
          mode,
        );
        const after = await seconds();
        const busyMs = (after.task - before.task) * 1000;
        const cpuMs = (after.thread - before.thread) * 1000;
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        rows.push({
          mode,
          prior: String(prior),
          implementation: impl,
          ...opening,
          'main thread ms/token': (busyMs / TOKENS).toFixed(3),
          'main thread CPU ms/token': (cpuMs / TOKENS).toFixed(3),
          'settled row renders': String(result.settledRenders),
          'p95 token latency ms': percentile(result.latencies, 95).toFixed(1),
          'tasks > 50 ms': String(result.longTasks.length),
          // Wall time of the longest of them (`longtask` entries report from 50 ms up).
          'longest task ms': String(Math.round(Math.max(0, ...result.longTasks))),
          'heap MB': (heap.usedSize / 1e6).toFixed(1),
        });
        runOf.push(run);
        console.log(JSON.stringify(rows.at(-1)));
        await context.close();
      }
  }
}
// With several runs, each cell is the median of its runs (the machine's load moves single runs a lot).
const groups = new Map<string, Record<string, string>[]>();
for (const row of rows) {
  const key = `${row.mode} ${row.prior} ${row.implementation}`;
  groups.set(key, [...(groups.get(key) ?? []), row]);
}
// The machine's speed drifts during a session (the same open's CPU time halved in an hour), more than
// the differences measured: each open's CPU time over the reducer list's in the same run (opened
// moments apart) is steadier than the ratio of two medians.
const reducerRow = new Map<string, Record<string, string>>();
rows.forEach((row, index) => {
  if (row.implementation === 'reducer') reducerRow.set(`${row.mode} ${row.prior} ${runOf[index]}`, row);
});
const pairedRatio = (group: Record<string, string>[]) => {
  const ratio = (column: string) =>
    group.flatMap((row) => {
      const reducer = reducerRow.get(`${row.mode} ${row.prior} ${runOf[rows.indexOf(row)]}`)?.[column];
      return reducer && row[column] ? [Number(row[column]) / Number(reducer)] : [];
    });
  const first = ratio('first open CPU ms');
  const again = ratio(AGAIN_CPU);
  const againFull = ratio(AGAIN_FULL_CPU);
  return {
    ...(first.length > 0 ? { 'first open CPU / reducer, paired': median(first).toFixed(2) } : {}),
    ...(again.length > 0 ? { 'open again CPU / reducer, paired': median(again).toFixed(2) } : {}),
    ...(againFull.length > 0
      ? { 'open again, full UI CPU / reducer, paired': median(againFull).toFixed(2) }
      : {}),
  };
};
// A stutter is rare or not: how many of the opens had one, and the longest, rather than a median.
const stutters = (group: Record<string, string>[]) => {
  const tasks = group.map((row) => Number(row[TAKEOVER]));
  return `${tasks.filter((task) => task > 0).length} of ${tasks.length}, max ${Math.max(...tasks)}`;
};
const table = [...groups.values()].map((group) => {
  const first = group[0] ?? {};
  return {
    ...Object.fromEntries(
      Object.entries(first).map(([column, value]) =>
        ['mode', 'prior', 'implementation'].includes(column)
          ? [column, value]
          : column === TAKEOVER
            ? ['opens with a long task before the full UI', stutters(group)]
            : [column, String(median(group.map((row) => Number(row[column]))))],
      ),
    ),
    ...pairedRatio(group),
  };
});
console.log(
  `\n${TOKENS} tokens streamed after 10 and 1,000 prior messages${RUNS > 1 ? `, median of ${RUNS} runs` : ''}`,
);
console.table(table);

await browser.close();
await page.close();
