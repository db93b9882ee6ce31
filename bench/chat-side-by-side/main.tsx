// The page driven by chat-side-by-side.bench.ts: `?impl=` picks an implementation (loaded as its
// own chunk, so a first open pays for its code like a real page), `?prior=` the conversation size.
import '@parley/ui/styles.css';
import { counters, emitted, feed, type Implementation, nextTask, priorText, TOKEN_COUNT } from './feed.ts';
import { holdIdle, releaseIdle } from './idle-hold.ts';

const IMPLEMENTATIONS: Record<string, () => Promise<{ implementation: Implementation }>> = {
  'parley-chat': () => import('./parley-chat.tsx'),
  'parley-hooks': () => import('./parley-hooks.tsx'),
  'ai-sdk': () => import('./ai-sdk.tsx'),
  reducer: () => import('./reducer.tsx'),
};

const params = new URLSearchParams(location.search);
const prior = Number(params.get('prior') ?? 10);
const container = document.getElementById('root') as HTMLElement;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const longTasks: number[] = [];
// Every long task since the page started, with its start: what the full UI's arrival costs in one go.
const taskLog: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push(entry.duration);
    taskLog.push({ start: entry.startTime, duration: entry.duration });
  }
}).observe({ type: 'longtask', buffered: true });

// The highest token number on screen, read from the last markdown (the reply) in the page. The
// element is looked up again only when it leaves the DOM, so measuring costs the same at 10 and
// 1,000 messages.
let reply: Element | undefined;
function visibleToken(): number {
  if (!reply?.isConnected || !reply.textContent?.includes(' w0')) {
    const all = container.querySelectorAll('[data-slot="markdown"]');
    reply = all[all.length - 1];
  }
  const text = reply?.textContent ?? '';
  let highest = -1;
  for (const match of text.slice(-40).matchAll(/w(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

const load = IMPLEMENTATIONS[params.get('impl') ?? ''] ?? (() => import('./reducer.tsx'));

/** Until the conversation's last message is rendered for real and painted. */
async function painted() {
  const last = priorText(prior - 1).slice(0, 16);
  // Rendered for real: a row or a markdown renderer still loading shows a placeholder (`data-loading`).
  do await nextFrame();
  while (!container.textContent?.includes(last) || container.querySelector('[data-loading]'));
  // Seen in a frame's animation callbacks: the frame lays it out and paints it once they return, and a
  // task queued now runs right after that paint. Waiting for the next frame instead charged an open with
  // whatever ran between the two frames: parley-chat's full rows taking over from its preview, work that
  // starts once the page is idle after the paint, could delay that frame by 40-85 ms.
  await nextTask();
}

// The first open's CPU time is read before idle work runs (idle-hold.ts); ready() lets it run.
holdIdle();

async function open() {
  const { implementation } = await load();
  const app = implementation.mount(container, prior);
  await painted();
  // Since navigation: loading and compiling the implementation's code is part of a first open.
  return { app, openMs: performance.now() };
}

const opened = open();

/**
 * Until the page has been idle once, two frames on: the work a UI leaves to do once it is whole (a
 * virtualised list measuring its rows and keeping the log at its end, a re-render for what it measured)
 * has run. Called once the full UI is there, so that work counts as the full UI's, not as the next
 * open's: without it, parley-chat's next open carried 2-3 ms of the previous conversation's (bench/README,
 * "Tenth session"). Idle callbacks must not be held (idle-hold.ts).
 */
async function settled(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await new Promise((resolve) => requestIdleCallback(resolve));
}

// When the full UI is there, since navigation (for all but Parley's connected UI, when it opened); resolves
// once the page has settled after that.
async function ready() {
  releaseIdle();
  const { app } = await opened;
  while (app.ready && !app.ready()) await nextFrame();
  const at = performance.now();
  await settled();
  return at;
}

async function stream(mode: 'fast' | 'paced') {
  const { app } = await opened;
  await ready();
  feed.mode = mode;
  counters.settledRenders = 0;
  longTasks.length = 0;
  emitted.length = 0;
  const seen: number[] = [];
  const started = performance.now();
  app.send();
  // Each frame, which tokens became visible: their latency is that frame's time minus their emission.
  let shown = -1;
  while (shown < TOKEN_COUNT - 1 && performance.now() - started < 120_000) {
    const now = await nextFrame();
    const visible = visibleToken();
    for (let token = shown + 1; token <= visible; token++) seen[token] = now - (emitted[token] ?? now);
    shown = Math.max(shown, visible);
  }
  await nextFrame();
  return {
    ms: performance.now() - started,
    latencies: seen.filter((value) => value !== undefined),
    settledRenders: counters.settledRenders,
    longTasks: [...longTasks],
  };
}

/** The conversation openAgain() last mounted (until then, the first). */
let mounted: { unmount(): void; ready?: () => boolean } | undefined;
/** When openAgain() last mounted a conversation (performance.now()). */
let againStarted = 0;
/**
 * Opens another conversation of the same size in the same page, as a person going from one to the next
 * does: the code loaded and run once already. Unmounts the one shown (once whole), mounts the next;
 * resolves with the ms until its messages are painted (for Parley's connected UI, its preview: see
 * againReady()).
 */
async function openAgain(): Promise<number> {
  await againReady();
  (mounted ?? (await opened).app).unmount();
  const { implementation } = await load();
  // Until againReady(): the open's CPU time is read before idle work runs (idle-hold.ts).
  holdIdle();
  againStarted = performance.now();
  const app = implementation.mount(container, prior);
  mounted = app;
  await painted();
  return performance.now() - againStarted;
}

/**
 * The ms from openAgain()'s mount until that conversation's full UI is there (its actions); resolves once
 * the page has settled after that.
 */
async function againReady(): Promise<number> {
  releaseIdle();
  const app = mounted ?? (await opened).app;
  while (app.ready && !app.ready()) await nextFrame();
  const ms = performance.now() - againStarted;
  await settled();
  return ms;
}

/** The longest task (50 ms and more; else 0) that started between `from` and `to` (performance.now()). */
function longestTask(from: number, to: number): number {
  const within = taskLog.filter((task) => task.start >= from && task.start <= to);
  return Math.max(0, ...within.map((task) => task.duration));
}

Object.assign(window, {
  __bench: {
    opened: () => opened.then(({ openMs }) => openMs),
    ready,
    stream,
    longestTask,
    openAgain,
    againReady,
  },
});
