import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { hostileMarkdown, richMarkdown, unfinishedMarkdown } from '../__fixtures__/markdown-samples.ts';
import { pixelPng } from '../__fixtures__/media.ts';
import { pathologicalMarkdown } from '../__fixtures__/pathological-markdown.ts';
import { useReplayedText } from '../__fixtures__/replay.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { Markdown } from './markdown.tsx';
import usage from './markdown.usage.tsx?raw';

const meta = {
  title: 'Content/Markdown',
  component: Markdown,
  parameters: {
    docs: {
      description: usageDescription(
        'Untrusted markdown rendered safely and cheaply while it streams: unfinished syntax completed, code highlighted, links and images sanitised.',
        usage,
      ),
    },
  },
  args: { children: richMarkdown },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A finished reply: GFM tables, task lists, code with highlighting and a Copy button. */
export const Complete: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Release notes' })).toBeVisible();
    await expect(canvas.getByRole('table')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Copy code' })).toBeVisible();
    await waitFor(
      () =>
        expect(canvas.getByText('greet').closest('[data-slot="code-block"]')).toHaveAttribute(
          'data-state',
          'highlighted',
        ),
      {
        timeout: 10_000,
      },
    );
  },
};

function StreamingReply({ text, step }: { text: string; step?: number }) {
  const replay = useReplayedText(text, step ? { step } : {});
  return <Markdown streaming={!replay.done}>{replay.text}</Markdown>;
}

/** The same reply streaming in: unfinished syntax at the end renders as it will once finished. */
export const Streaming: Story = {
  render: (args) => <StreamingReply text={args.children} />,
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('Quoted text, for good measure.', {}, { timeout: 10_000 }),
    ).toBeVisible();
    await expect(canvas.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await expect(canvas.queryByText(/\*\*/)).toBeNull();
  },
};

/**
 * A 120-row table streaming in: past 64 rows it is laid out in parts (one presentational table per
 * 16 rows, columns as wide as they were), still one table with its headers for assistive technology.
 */
export const LongTableStreaming: Story = {
  args: { children: pathologicalMarkdown.table(120) },
  render: (args) => <StreamingReply text={args.children} step={40} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('cell', { name: 'item 119' }, { timeout: 15_000 })).toBeVisible();
    const table = canvas.getByRole('table');
    await expect(table).toHaveAttribute('data-layout', 'split');
    await expect(canvas.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      '#',
      'name',
      'value',
    ]);
    await expect(canvas.getAllByRole('row')).toHaveLength(121);
  },
};

/** Replies cut mid-syntax: bold, an open code fence, half a table head, a link without its URL. */
export const UnfinishedSyntax: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {Object.values(unfinishedMarkdown).map((text) => (
        <Markdown key={text} streaming>
          {text}
        </Markdown>
      ))}
    </div>
  ),
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('forty').tagName).toBe('STRONG');
    await expect(canvas.getByRole('columnheader', { name: 'Speed' })).toBeVisible();
    await expect(canvasElement.querySelector('pre code')).toHaveTextContent('def answer():');
    await expect(canvas.getByText(/Read the guide/)).toBeVisible();
  },
};

/** Scripts, handlers, javascript: links, SVG, iframes and HTML from a model: none of it becomes live. */
export const HostileOutput: Story = {
  args: { children: hostileMarkdown },
  play: async ({ canvas, canvasElement }) => {
    // The story's own wrapper holds the theme's <style>; look inside the rendered markdown only.
    const markdown = canvasElement.querySelector('[data-slot="markdown"]')!;
    await expect(markdown.querySelectorAll('script, iframe, svg, style, object, embed')).toHaveLength(0);
    await expect(markdown.querySelectorAll('img')).toHaveLength(0);
    await expect(markdown.querySelector('a[href^="javascript" i]')).toBeNull();
    await expect(canvas.getByText('click me').closest('a')).toBeNull();
    await expect(canvas.getByRole('button', { name: /load image from evil\.example\.com/i })).toBeVisible();
  },
};

/** Images wait for permission: a tracking pixel would otherwise report the conversation. */
export const ImagesAskFirst: Story = {
  args: { children: `Here is the chart:\n\n![A tiny chart](${pixelPng})` },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.queryByRole('img')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /load image embedded in the reply/i }));
    await expect(canvas.getByRole('img', { name: 'A tiny chart' })).toBeVisible();
  },
};
