import { afterEach, describe, expect, it } from 'vitest';
import { highlightCode } from './highlight.ts';

// Each test file runs in a page of its own, so the highlighter here has not started a worker yet.
const RealWorker = globalThis.Worker;
afterEach(() => {
  globalThis.Worker = RealWorker;
});

/** A worker whose script fails to load, as when an app's bundler did not emit it or a CSP refuses it. */
class UnloadableWorker extends EventTarget {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  terminated = false;
  constructor() {
    super();
    setTimeout(() => this.onerror?.(new Event('error', { cancelable: true })), 10);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

describe('highlightCode where no worker can run', () => {
  it('highlights on the page when the worker script fails to load, for that block and the next', async () => {
    globalThis.Worker = UnloadableWorker as unknown as typeof Worker;
    const [line] = await highlightCode('const answer = 42;', 'js');
    const keyword = line?.find((token) => token.content === 'const');
    expect(keyword?.style.color).toMatch(/^#/);
    expect(line?.find((token) => token.content === '42')?.style.color).not.toBe(keyword?.style.color);
    const [next] = await highlightCode('let other = "text";', 'js');
    expect(next?.map((token) => token.content).join('')).toBe('let other = "text";');
    expect(next?.find((token) => token.content === 'let')?.style.color).toBe(keyword?.style.color);
  });
});
