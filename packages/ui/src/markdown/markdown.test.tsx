import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as React from 'react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { richMarkdown, unfinishedMarkdown } from '../__fixtures__/markdown-samples.ts';
import { Markdown, type MarkdownComponents } from './markdown.tsx';

describe('Markdown', () => {
  it('renders GFM: headings, tables, task lists, strikethrough and code', async () => {
    const { container } = render(<Markdown>{richMarkdown}</Markdown>);
    expect(screen.getByRole('heading', { name: 'Release notes' })).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Feature' })).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
    expect(container.querySelector('del')).toHaveTextContent('struck');
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('re-renders only the last block while text streams in', () => {
    const renders = new Map<string, number>();
    const components: MarkdownComponents = {
      p: ({ children }: React.ComponentProps<'p'>) => {
        const text = String(children);
        renders.set(text, (renders.get(text) ?? 0) + 1);
        return <p>{children}</p>;
      },
    };
    const settled = 'Paragraph one.\n\nParagraph two.\n\n';
    const view = (tail: string) => (
      <Markdown streaming components={components}>
        {settled + tail}
      </Markdown>
    );
    const { rerender } = render(view('Paragraph t'));
    for (const tail of ['Paragraph th', 'Paragraph thr', 'Paragraph three', 'Paragraph three.']) {
      rerender(view(tail));
    }
    expect(screen.getByText('Paragraph three.')).toBeInTheDocument();
    expect(renders.get('Paragraph one.')).toBe(1);
    expect(renders.get('Paragraph two.')).toBe(1);
    expect(renders.get('Paragraph thr')).toBe(1);
  });

  it('completes unfinished syntax at the end of a streaming reply', () => {
    const { container, rerender } = render(<Markdown streaming>{unfinishedMarkdown.bold}</Markdown>);
    expect(container.querySelector('strong')).toHaveTextContent('forty');
    expect(container.textContent).not.toContain('**');

    rerender(<Markdown streaming>{unfinishedMarkdown.codeFence}</Markdown>);
    expect(container.querySelector('pre code')).toHaveTextContent('def answer():');
    expect(container.textContent).not.toContain('```');

    rerender(<Markdown streaming>{unfinishedMarkdown.tableHead}</Markdown>);
    expect(screen.getByRole('columnheader', { name: 'Speed' })).toBeInTheDocument();

    rerender(<Markdown streaming>{unfinishedMarkdown.link}</Markdown>);
    expect(container.textContent).toContain('Read the guide');
    expect(container.textContent).not.toContain('](');
  });

  it('leaves finished text as written', () => {
    const { container } = render(<Markdown>{'2 * 3 = 6 and **not closed'}</Markdown>);
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toContain('**not closed');
  });

  it('opens safe links in a new tab without an opener and shows unsafe ones as text', () => {
    render(<Markdown>{'[docs](https://example.com/docs) and [bad](javascript:alert(1))'}</Markdown>);
    const link = screen.getByRole('link', { name: /docs/ });
    expect(link).toHaveAttribute('href', 'https://example.com/docs');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(screen.queryByRole('link', { name: /bad/ })).toBeNull();
    expect(screen.getByText('bad')).toBeInTheDocument();
  });

  it('loads a remote image only after the person allows it', async () => {
    const user = userEvent.setup();
    const { container } = render(<Markdown>{'![a cat](https://images.example.com/cat.png)'}</Markdown>);
    expect(container.querySelector('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: /load image from images\.example\.com/i }));
    expect(screen.getByRole('img', { name: 'a cat' })).toHaveAttribute(
      'src',
      'https://images.example.com/cat.png',
    );
  });

  it('asks before showing an embedded data: image too, unless images are allowed', () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { container, rerender } = render(<Markdown>{`![dot](${png})`}</Markdown>);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: /load image embedded in the reply/i })).toBeInTheDocument();
    rerender(<Markdown images="allow">{`![dot](${png})`}</Markdown>);
    expect(screen.getByRole('img', { name: 'dot' })).toHaveAttribute('src', png);
  });

  it('copies a code block and says so', async () => {
    const user = userEvent.setup();
    render(<Markdown>{'```sh\npnpm test\n```'}</Markdown>);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await navigator.clipboard.readText()).toBe('pnpm test');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('shows code plain at first and highlights it once shiki has loaded', async () => {
    const { container } = render(<Markdown>{'```ts\nconst answer: number = 42;\n```'}</Markdown>);
    const block = container.querySelector('[data-slot="code-block"]')!;
    expect(within(block as HTMLElement).getByText('const answer: number = 42;')).toBeInTheDocument();
    await waitFor(() => expect(block).toHaveAttribute('data-state', 'highlighted'), { timeout: 15_000 });
    const keyword = [...block.querySelectorAll('code span')].find((span) => span.textContent === 'const');
    expect(keyword).toHaveStyle({ color: 'rgb(207, 34, 46)' });
    expect(block.querySelector('code')).toHaveTextContent('const answer: number = 42;');
  });

  it('colours a long block a few groups of lines at a time, its text and lines unchanged throughout', {
    timeout: 30_000,
  }, async () => {
    const code = Array.from(
      { length: 1200 },
      (_, line) => `let value${line} = "text ${line}"; // ${line}`,
    ).join('\n');
    const { container } = render(<Markdown>{`\`\`\`js\n${code}\n\`\`\``}</Markdown>);
    const block = container.querySelector('[data-slot="code-block"]') as HTMLElement;
    const shownCode = block.querySelector('code') as HTMLElement;
    // What a reader sees (and copies) at every step: the same text, with each line where it was.
    const steps: Array<{ text: boolean; coloured: number }> = [];
    const observer = new MutationObserver(() =>
      steps.push({
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, as a reader copies it
        text: shownCode.innerText === code,
        coloured: shownCode.querySelectorAll('span[style*="color"]').length,
      }),
    );
    observer.observe(shownCode, { childList: true, subtree: true, characterData: true });
    await waitFor(() => expect(block).toHaveAttribute('data-state', 'highlighted'), { timeout: 25_000 });
    observer.disconnect();
    expect(steps.every((step) => step.text)).toBe(true);
    const partly = steps.filter((step) => step.coloured > 0 && step !== steps.at(-1));
    expect(partly.length).toBeGreaterThan(1);
    const keywords = [...shownCode.querySelectorAll('span')].filter((span) => span.textContent === 'let');
    expect(keywords).toHaveLength(1200);
    expect(new Set(keywords.map((span) => span.style.color)).size).toBe(1);
  });

  it('keeps a streaming code block plain until it settles', () => {
    const { container } = render(<Markdown streaming>{'```ts\nconst a = 1;'}</Markdown>);
    expect(container.querySelector('[data-slot="code-block"]')).toHaveAttribute('data-state', 'plain');
  });

  it('resolves a reference-style link whose definition is in another block', () => {
    render(
      <Markdown>{'Read [the docs][1] first.\n\nMore text.\n\n[1]: https://example.com/docs\n'}</Markdown>,
    );
    expect(screen.getByRole('link', { name: /the docs/ })).toHaveAttribute(
      'href',
      'https://example.com/docs',
    );
  });
});
