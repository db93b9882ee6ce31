import type { ChatCompletion, TokenLogprob } from '@parley/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { useSimulatedStream } from '../__fixtures__/use-simulated-stream.ts';
import * as LogprobsView from './index.ts';
import usage from './logprobs-view.usage.tsx?raw';

const body = {
  model: 'parley/echo',
  messages: [{ role: 'user' as const, content: 'Describe the old lighthouse by the harbour' }],
  logprobs: true,
  top_logprobs: 4,
};

const meta = {
  title: 'Conversation/LogprobsView',
  component: LogprobsView.Root,
  parameters: {
    docs: {
      description: usageDescription(
        "A reply's tokens shaded by how sure the model was, each opening its alternatives, and the least confident spans.",
        usage,
      ),
    },
  },
  args: { logprobs: [] },
} satisfies Meta<typeof LogprobsView.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

function LiveLogprobs() {
  const { completion, done } = useSimulatedStream(body, { tokenDelayMs: 40 });
  return <LogprobsView.Root logprobs={completion?.choices[0]?.logprobs?.content ?? []} streaming={!done} />;
}

/** A reply streaming from the simulator: tokens appear shaded; the span list waits for the end. */
export const Streaming: Story = {
  render: () => <LiveLogprobs />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/listed when the reply is complete/)).toBeVisible();
    const spans = canvas.getByRole('region', { name: 'Least confident spans' });
    await waitFor(() => expect(within(spans).getAllByRole('button').length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
  },
};

/** A complete reply: open a token's alternatives from the keyboard. */
export const Complete: Story = {
  loaders: [async () => ({ completion: await simulatedCompletion(body) })],
  render: (args, { loaded }) => (
    <LogprobsView.Root
      {...args}
      logprobs={(loaded.completion as ChatCompletion).choices[0]?.logprobs?.content ?? []}
    />
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}{Enter}');
    const table = await within(document.body).findByRole('table', { name: /Top alternatives for/ });
    await expect(within(table).getAllByRole('row')).toHaveLength(5);
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getAllByRole('button')[1]).toHaveFocus();
  },
};

const sure = (token: string): TokenLogprob => ({
  token,
  logprob: -0.01,
  bytes: null,
  top_logprobs: [{ token, logprob: -0.01, bytes: null }],
});

/** Every token likely: nothing to flag. */
export const AllConfident: Story = {
  args: { logprobs: ['The', ' sea', ' is', ' calm', '.'].map(sure) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The model was confident about every token.')).toBeVisible();
  },
};

/** No logprobs (not requested, or not supported by the provider): nothing is rendered. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="logprobs-view"]')).toBeNull();
  },
};
