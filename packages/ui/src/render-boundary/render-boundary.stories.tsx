import type { ChatMessage, ChatTextPart } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import type { ContentPartProps } from '../content-parts/content-part-types.ts';
import { ContentParts } from '../content-parts/content-parts.tsx';
import { MessageBoundary } from './render-boundary.tsx';
import usage from './render-boundary.usage.tsx?raw';

// A renderer that fails, standing in for a bug or input no renderer survives.
function FailingText({ part }: ContentPartProps<ChatTextPart>): React.ReactNode {
  if (part.text.startsWith('Fails')) throw new Error('This renderer failed on purpose');
  return <p>{part.text}</p>;
}
function FailingView(): React.ReactNode {
  throw new Error('This view failed on purpose');
}

const saved: ChatMessage = {
  id: 'saved',
  role: 'assistant',
  parts: [{ type: 'text', text: 'An answer saved last week, in a shape the view no longer handles.' }],
  createdAt: 0,
  status: 'complete',
};

const meta = {
  title: 'Content/RenderBoundary',
  component: MessageBoundary,
  parameters: {
    docs: {
      description: usageDescription(
        'Keeps one broken message or part from taking down the conversation: a readable fallback instead.',
        usage,
      ),
    },
  },
  args: { message: saved, children: null },
} satisfies Meta<typeof MessageBoundary>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One part failed to render: its text is shown as sent, the other parts as usual. */
export const PartFailed: Story = {
  render: () => (
    <ContentParts
      messageRole="assistant"
      components={{ text: FailingText }}
      parts={[
        { type: 'text', text: 'The part before renders.' },
        { type: 'text', text: 'Fails: **bold** <b>markup</b> stays text' },
      ]}
    />
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The part before renders.')).toBeVisible();
    await expect(canvas.getByText(/this part could not be displayed/i)).toBeVisible();
    await expect(canvas.getByText('Fails: **bold** <b>markup</b> stays text')).toBeVisible();
  },
};

/** A whole message failed to render: it can still be read, copied and deleted. */
export const MessageFailed: Story = {
  args: { onDelete: () => undefined },
  render: (args) => (
    <MessageBoundary {...args}>
      <FailingView />
    </MessageBoundary>
  ),
  play: async ({ canvas }) => {
    const fallback = canvas.getByRole('article', { name: 'Message that could not be displayed' });
    await expect(fallback).toHaveTextContent('An answer saved last week');
    await expect(canvas.getByRole('button', { name: 'Copy message' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Delete message' })).toBeVisible();
  },
};

/** Nothing failed: the boundary renders its message untouched. */
export const Rendered: Story = {
  render: (args) => (
    <MessageBoundary {...args}>
      <p>The message renders normally.</p>
    </MessageBoundary>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The message renders normally.')).toBeVisible();
    await expect(canvas.queryByText(/could not be displayed/i)).toBeNull();
  },
};
