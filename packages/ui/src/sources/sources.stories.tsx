import type { ChatCompletion } from '@parley/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { Markdown } from '../markdown/markdown.tsx';
import { citeMarkdown } from './cite-sources.ts';
import * as Sources from './index.ts';
import usage from './sources.usage.tsx?raw';

// A web search answer from the in-page simulator: fictional pages under `.example`.
const webAnswer = async () => ({
  completion: await simulatedCompletion({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'What do lighthouses and harbours have in common?' }],
    plugins: [{ id: 'web', max_results: 4 }],
  }),
});

function CitedReply({ completion }: { completion: ChatCompletion }) {
  const message = completion.choices[0]?.message;
  return (
    <>
      <Markdown>{citeMarkdown(String(message?.content ?? ''), message?.annotations)}</Markdown>
      <Sources.Root annotations={message?.annotations} />
    </>
  );
}

const meta = {
  title: 'Conversation/Sources',
  component: Sources.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'The pages a reply cites, numbered like the markers in its text; links sanitised.',
        usage,
      ),
    },
  },
} satisfies Meta<typeof Sources.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A reply with web citations: numbered markers in the text and the numbered source list. */
export const WithCitations: Story = {
  loaders: [webAnswer],
  render: (_args, { loaded }) => <CitedReply completion={loaded.completion as ChatCompletion} />,
  play: async ({ canvas }) => {
    const list = canvas.getByRole('region', { name: 'Sources' });
    const links = within(list).getAllByRole('link');
    await expect(links).toHaveLength(4);
    await expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(canvas.getAllByRole('link', { name: /^\[\d\]/ })).toHaveLength(4);
  },
};

/** A citation whose URL is not http(s): shown as text, never a link. */
export const UnsafeUrl: Story = {
  args: {
    annotations: [
      {
        type: 'url_citation',
        url_citation: { url: 'javascript:alert(1)', title: 'Not a page', start_index: 0, end_index: 4 },
      },
      {
        type: 'url_citation',
        url_citation: {
          url: 'https://wiki.parley.example/harbours',
          title: 'Harbours | Parley Wiki',
          content: 'A fictional page about harbours.',
          start_index: 5,
          end_index: 9,
        },
      },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('link', { name: /Not a page/ })).toBeNull();
    await expect(canvas.getByRole('link', { name: /Harbours \| Parley Wiki/ })).toBeVisible();
  },
};

/** No citations: nothing is rendered. */
export const Empty: Story = {
  args: { annotations: [] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="sources"]')).toBeNull();
  },
};
