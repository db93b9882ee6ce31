import { render, screen } from '@testing-library/react';
import type * as React from 'react';
import { describe, expect, it } from 'vitest';
import { pathologicalMarkdown as samples, toTokens } from '../__fixtures__/pathological-markdown.ts';
import { Markdown, type MarkdownComponents } from './markdown.tsx';
import { MAX_LINE_NESTING } from './parse-markdown.ts';

// Streams `text` into a Markdown token by token, then finishes it, as the chat does.
function stream(text: string, components?: MarkdownComponents, size = 5) {
  const view = render(
    <Markdown streaming components={components}>
      {''}
    </Markdown>,
  );
  let received = '';
  for (const token of toTokens(text, size)) {
    received += token;
    view.rerender(
      <Markdown streaming components={components}>
        {received}
      </Markdown>,
    );
  }
  view.rerender(<Markdown components={components}>{received}</Markdown>);
  return view;
}

function depth(element: Element | null, selector: string): number {
  let count = 0;
  for (let node = element; node; node = node.parentElement?.closest(selector) ?? null) count++;
  return count;
}

// Counts renders of cells and emphasis: the work a token causes shows as elements rendered again.
const counted = { renders: 0 };
function CountedCell(props: React.ComponentProps<'td'>) {
  counted.renders++;
  return <td {...props} />;
}
function CountedEmphasis(props: React.ComponentProps<'em'>) {
  counted.renders++;
  return <em {...props} />;
}

// Work per token must not grow with the block: streaming twice as much must cost about twice
// the renders (linear), not four times (quadratic, as re-parsing the whole block per token did).
function rendersWhileStreaming(components: MarkdownComponents, text: string, tokenSize: number): number {
  counted.renders = 0;
  stream(text, components, tokenSize).unmount();
  return counted.renders;
}

describe('Markdown with pathological replies', () => {
  it('streams a table head followed by a line of pipe pairs without hanging', () => {
    const { container } = stream(samples.tableDelimiterBacktrack);
    expect(container.textContent).toContain('word');
  });

  it.each([
    ['blockquote', samples.quoteNesting(5000), 'blockquote'],
    ['list', samples.listNesting(5000), 'ul'],
  ])('renders 5,000 nested %s markers with the nesting capped and the text kept', (_, text, tag) => {
    const { container } = render(<Markdown>{text}</Markdown>);
    expect(container.textContent).toContain('deep');
    const deepest = [...container.querySelectorAll(tag)].at(-1) ?? null;
    expect(depth(deepest, tag)).toBeLessThanOrEqual(MAX_LINE_NESTING);
    expect(depth(deepest, tag)).toBeGreaterThan(1);
  });

  it('streams 10 KB of nested quote markers without losing the reply', () => {
    const { container } = stream(samples.quoteNesting(5000), undefined, 50);
    expect(container.textContent).toContain('deep');
  });

  // Work per token must not grow with the block: streaming twice as much must cost about twice
  // the renders (linear), not four times (quadratic, as re-parsing the whole block per token did).
  it('renders a long streaming table in work linear in its rows', { timeout: 60_000 }, () => {
    const rows = stream(samples.table(60), undefined, 24);
    expect(screen.getAllByRole('row')).toHaveLength(61);
    rows.unmount();
    const single = rendersWhileStreaming({ td: CountedCell }, samples.table(50), 24);
    const double = rendersWhileStreaming({ td: CountedCell }, samples.table(100), 24);
    expect(double / single).toBeLessThan(2.6);
  });

  it('renders a long streaming paragraph of emphasis in work linear in its length', {
    timeout: 60_000,
  }, () => {
    const single = rendersWhileStreaming({ em: CountedEmphasis }, '*a* '.repeat(400), 32);
    const double = rendersWhileStreaming({ em: CountedEmphasis }, '*a* '.repeat(800), 32);
    expect(document.querySelectorAll('em')).toHaveLength(0);
    expect(double / single).toBeLessThan(2.6);
  });

  it('streams a long code block and a long line to the same text a single render shows', {
    timeout: 60_000,
  }, () => {
    for (const text of [samples.codeBlock(8_000), samples.longLine(12_000)]) {
      const streamed = stream(text, undefined, 40);
      const once = render(<Markdown>{text}</Markdown>);
      expect(streamed.container.innerHTML).toBe(once.container.innerHTML);
      streamed.unmount();
      once.unmount();
    }
  });
});
