import type { Annotation } from '@parley/client';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import { Markdown } from '../markdown/markdown.tsx';
import { citeMarkdown, toSources } from './cite-sources.ts';
import * as Sources from './index.ts';

const citation = (url: string, start: number, end: number, title?: string): Annotation => ({
  type: 'url_citation',
  url_citation: { url, start_index: start, end_index: end, ...(title ? { title } : {}) },
});

describe('Sources', () => {
  it('numbers the pages a web search reply cites and links them safely, from the simulator', async () => {
    const completion = await simulatedCompletion({
      model: 'parley/echo:online',
      messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
      plugins: [{ id: 'web', max_results: 3 }],
    });
    const message = completion.choices[0]?.message;
    const text = message?.content as string;
    const { container } = render(
      <>
        <Markdown>{citeMarkdown(text, message?.annotations)}</Markdown>
        <Sources.Root annotations={message?.annotations} />
      </>,
    );
    const list = screen.getByRole('region', { name: 'Sources' });
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(3);
    for (const link of links) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('href')).toMatch(/^https:\/\/\w+\.parley\.example\//);
    }
    // The inline markers sit after each cited sentence and point at the same pages.
    const markers = screen.getAllByRole('link', { name: /^\[\d\]/ });
    expect(markers.map((marker) => marker.textContent?.slice(0, 3))).toEqual(['[1]', '[2]', '[3]']);
    expect(markers[0]).toHaveAttribute('href', links[0]?.getAttribute('href'));
    await expectNoAxeViolations(container);
  });

  it('never links an unsafe URL and numbers a page cited twice once', () => {
    const annotations = [
      citation('javascript:alert(1)', 0, 5, 'Trap'),
      citation('https://a.example/x', 6, 11, 'A'),
      citation('https://a.example/x', 12, 17, 'A'),
    ];
    expect(toSources(annotations).map((source) => source.number)).toEqual([1, 2]);
    render(<Sources.Root annotations={annotations} />);
    expect(screen.queryByRole('link', { name: /Trap/ })).toBeNull();
    expect(screen.getByText('Trap')).toHaveAttribute('data-disabled');
    expect(citeMarkdown('Hello world again pal', annotations)).toBe(
      'Hello \\[1\\] world [\\[2\\]](https://a.example/x) again [\\[2\\]](https://a.example/x) pal',
    );
  });

  it('leaves out markers whose span is not in the text yet, and renders nothing without citations', () => {
    expect(citeMarkdown('Short', [citation('https://a.example/', 0, 50)])).toBe('Short');
    const { container } = render(<Sources.Root annotations={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
