import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { liveDomProblems } from '../__fixtures__/live-dom.ts';
import { hostileMarkdown } from '../__fixtures__/markdown-samples.ts';
import { Markdown } from './markdown.tsx';

declare global {
  interface Window {
    __pwned?: string | undefined;
  }
}

describe('Markdown with hostile model output', () => {
  it.each([false, true])('turns none of it into live DOM (streaming: %s)', async (streaming) => {
    window.__pwned = undefined;
    const { container } = render(<Markdown streaming={streaming}>{hostileMarkdown}</Markdown>);
    expect(liveDomProblems(container)).toEqual([]);
    // No image was requested: the tracker and the SVG wait behind a button (or are dropped).
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="javascript" i]')).toHaveLength(0);
    // Give any handler that slipped through a chance to run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.__pwned).toBeUndefined();
    expect(getComputedStyle(document.body).display).not.toBe('none');
  });

  it('keeps the readable text of unsafe links and the autolink that is safe', () => {
    const { getByText, getByRole } = render(<Markdown>{hostileMarkdown}</Markdown>);
    expect(getByText('click me').closest('a')).toBeNull();
    expect(getByText('data link').closest('a')).toBeNull();
    expect(getByRole('link', { name: /example\.com\/auto/ })).toHaveAttribute(
      'href',
      'https://example.com/auto',
    );
  });

  it('renders streamed hostile text token by token without ever producing live DOM', () => {
    const { container, rerender } = render(<Markdown streaming>{''}</Markdown>);
    for (let end = 1; end <= hostileMarkdown.length; end += 7) {
      rerender(<Markdown streaming>{hostileMarkdown.slice(0, end)}</Markdown>);
      const problems = liveDomProblems(container);
      if (problems.length > 0) throw new Error(`after ${end} characters: ${problems.join(', ')}`);
    }
    expect(container.querySelectorAll('img')).toHaveLength(0);
  });
});
