import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { assistantReasoning } from '../__fixtures__/messages.ts';
import { useReplayedText } from '../__fixtures__/replay.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as ReasoningPanel from './index.ts';
import usage from './reasoning-panel.usage.tsx?raw';

const reasoning = assistantReasoning.reasoning!;

const meta = {
  title: 'Conversation/ReasoningPanel',
  component: ReasoningPanel.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'The reasoning of a reply as a disclosure: "Thinking…" while it streams, "Thought for 3 s" once done.',
        usage,
      ),
    },
  },
  args: { reasoning, reasoningTokens: 184, onOpenChange: fn() },
  render: (args) => (
    <ReasoningPanel.Root {...args}>
      <ReasoningPanel.Trigger />
      <ReasoningPanel.Content />
    </ReasoningPanel.Root>
  ),
} satisfies Meta<typeof ReasoningPanel.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

function LiveReasoning() {
  const { text, done } = useReplayedText(reasoning.text, { step: 3, intervalMs: 30 });
  return (
    <ReasoningPanel.Root
      reasoning={done ? { text, details: [], durationMs: 3200 } : { text, details: [] }}
      streaming={!done}
    >
      <ReasoningPanel.Trigger />
      <ReasoningPanel.Content />
    </ReasoningPanel.Root>
  );
}

/** Reasoning streaming in: open, "Thinking…"; it closes by itself when the model is done. */
export const Streaming: Story = {
  // Plays its own fixture: no control would change it.
  parameters: { controls: { disable: true } },
  render: () => <LiveReasoning />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    const done = await canvas.findByRole('button', { name: 'Thought for 3 s' }, { timeout: 10_000 });
    await expect(done).toHaveAttribute('aria-expanded', 'false');
  },
};

/** After the reply: closed, with the duration kept; opening shows summary, text and hidden reasoning. */
export const Complete: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Thought for 3 s' }));
    await expect(args.onOpenChange).toHaveBeenCalledWith(true);
    await expect(canvas.getByRole('region', { name: 'Reasoning summary' })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Full reasoning' })).toBeVisible();
    await expect(canvas.getByText(/Hidden reasoning: 184 tokens/)).toBeVisible();
  },
};

/** Only encrypted reasoning: shown as hidden, with the token count from usage. */
export const HiddenOnly: Story = {
  args: {
    reasoning: { text: '', details: [{ type: 'reasoning.encrypted', data: 'gAAAAB' }], durationMs: 12_400 },
    defaultOpen: true,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Thought for 12 s' })).toBeVisible();
    await expect(
      canvas.getByText(/Hidden reasoning: 184 tokens the provider keeps encrypted\./),
    ).toBeVisible();
  },
};
