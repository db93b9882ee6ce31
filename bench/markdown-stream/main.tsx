// The page driven by markdown-stream.bench.ts: one Markdown, fed a pathological reply token by
// token, each token its own task (as network reads are), timing render, commit and layout.
import '@parley/ui/styles.css';
import { Markdown } from '@parley/ui';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { pathologicalMarkdown as samples } from '../../packages/ui/src/__fixtures__/pathological-markdown.ts';

const SAMPLES: Record<string, () => string> = {
  '60 KB code block': () => samples.codeBlock(60_000),
  '1,000-row table': () => samples.table(1000),
  '5,000 nesting markers': () => samples.quoteNesting(5000),
  '20,000 emphasis delimiters': () => samples.emphasisRun(20_000),
  '200 KB line': () => samples.longLine(200_000),
};

// A message between tasks: faster than setTimeout's clamping, and still a new task each time.
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask' });

// Characters measured at the start, the middle and the end of a reply, 5 to a token. Between
// those windows the reply advances in 1 KB steps (rendered, not measured), which keeps a 200 KB
// reply to minutes on a loaded machine without changing what the windows see.
const WINDOW_CHARS = 5000;
const STEP_CHARS = 1000;

async function run(name: string, tokenChars: number) {
  const text = SAMPLES[name]?.() ?? '';
  const container = document.getElementById('root') as HTMLElement;
  const root = createRoot(container);
  longTasks.length = 0;
  const window = Math.min(WINDOW_CHARS, Math.floor(text.length / 10));
  const middle = Math.floor(text.length / 2 - window / 2);
  const windows = [0, middle, text.length - window];
  const perToken: number[][] = [[], [], []];
  const renderOnly: number[][] = [[], [], []];
  let position = 0;
  while (position < text.length) {
    const measured = windows.findIndex((start) => position >= start && position < start + window);
    const next = windows.find((start) => start > position) ?? text.length;
    const end = measured >= 0 ? position + tokenChars : Math.min(position + STEP_CHARS, next);
    const received = text.slice(0, Math.min(end, text.length));
    const started = performance.now();
    flushSync(() => root.render(<Markdown.Root streaming>{received}</Markdown.Root>));
    const rendered = performance.now();
    // Reading the height forces layout, so the browser's cost of the growing DOM is counted too.
    void container.offsetHeight;
    if (measured >= 0) {
      perToken[measured]?.push(performance.now() - started);
      renderOnly[measured]?.push(rendered - started);
    }
    position = end;
    await nextTask();
  }
  const received = text;
  const settleStart = performance.now();
  flushSync(() => root.render(<Markdown.Root>{received}</Markdown.Root>));
  void container.offsetHeight;
  const settleMs = performance.now() - settleStart;
  // A settled code block highlights in the background: wait for it, so its tasks are counted.
  const started = performance.now();
  while (
    container.querySelector('[data-slot="code-block"][data-state="plain"]') &&
    performance.now() - started < 60_000
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const highlightMs = container.querySelector('[data-slot="code-block"]') ? performance.now() - started : 0;
  await new Promise((resolve) => setTimeout(resolve, 100));
  root.unmount();
  return { perToken, renderOnly, settleMs, highlightMs, longTasks: [...longTasks], bytes: text.length };
}

Object.assign(window, { __bench: { run, names: Object.keys(SAMPLES) } });
