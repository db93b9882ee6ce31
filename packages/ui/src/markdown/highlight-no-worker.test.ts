import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlight.ts';

describe('highlightCode without Web Workers', () => {
  it('highlights on the page', async () => {
    const RealWorker = globalThis.Worker;
    // @ts-expect-error: a browser or runtime without Workers
    delete globalThis.Worker;
    try {
      const [line] = await highlightCode('def answer():\n    return 42', 'python');
      expect(line?.find((token) => token.content === 'def')?.style.color).toMatch(/^#/);
    } finally {
      globalThis.Worker = RealWorker;
    }
  });
});
