// Side by side in Chromium: Parley's connected UI, Parley's per-message hooks, @ai-sdk/react's
// useChat and a hand-written reducer list, fed the same 2,000 tokens after 10 and 1,000 prior
// messages, as fast as they render and paced at 100 tokens a second.
// Run: pnpm exec tsx --conditions=source bench/chat-side-by-side.bench.ts   (about 5-15 min)
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunch } from '../chromium-launch.ts';
import { servePage } from './serve-page.ts';

const IMPLEMENTATIONS = ['parley-chat', 'parley-hooks', 'ai-sdk', 'reducer'];
const PRIORS = [10, 1000];
const MODES = ['fast', 'paced'] as const;
const TOKENS = 2000;

type Stream = { ms: number; latencies: number[]; settledRenders: number; longTasks: number[] };
type Bench = { opened(): Promise<number>; stream(mode: string): Promise<Stream> };

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ??
  Number.NaN;

const page = await servePage(fileURLToPath(new URL('./chat-side-by-side/', import.meta.url)));
const browser = await chromium.launch({ ...chromiumLaunch, headless: true });

const rows: Record<string, string>[] = [];
for (const mode of MODES) {
  for (const prior of PRIORS) {
    for (const impl of IMPLEMENTATIONS) {
      // A fresh context per run: nothing cached, so the open is a first open in a fresh page.
      const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Performance.enable');
      await tab.goto(`${page.url}?impl=${impl}&prior=${prior}`);
      await tab.waitForFunction(() => '__bench' in window, undefined, { timeout: 60_000 });
      const openMs = await tab.evaluate(() => (window as unknown as { __bench: Bench }).__bench.opened());
      const taskSeconds = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
      };
      const before = await taskSeconds();
      const result = await tab.evaluate(
        (streamMode) => (window as unknown as { __bench: Bench }).__bench.stream(streamMode),
        mode,
      );
      const busyMs = ((await taskSeconds()) - before) * 1000;
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      rows.push({
        mode,
        prior: String(prior),
        implementation: impl,
        'first open ms': openMs.toFixed(0),
        'main thread ms/token': (busyMs / TOKENS).toFixed(3),
        'settled row renders': String(result.settledRenders),
        'p95 token latency ms': percentile(result.latencies, 95).toFixed(1),
        'tasks > 50 ms': String(result.longTasks.length),
        'heap MB': (heap.usedSize / 1e6).toFixed(1),
      });
      console.log(JSON.stringify(rows.at(-1)));
      await context.close();
    }
  }
}
console.log(`\n${TOKENS} tokens streamed after 10 and 1,000 prior messages`);
console.table(rows);

await browser.close();
await page.close();
