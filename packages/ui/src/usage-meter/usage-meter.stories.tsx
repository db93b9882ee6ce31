import type { ModelPricing, Usage } from '@parley/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { simulatedClient, simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as UsageMeter from './index.ts';
import usage from './usage-meter.usage.tsx?raw';

// A reasoning reply from the in-page simulator, with the serving provider's prices.
const reasonerUsage = async () => {
  const completion = await simulatedCompletion({
    model: 'parley/reasoner',
    messages: [{ role: 'user', content: 'Why is the sky blue?' }],
    reasoning: { effort: 'low' },
    provider: { only: ['Parley'] },
  });
  const endpoints = await simulatedClient().models.endpoints('parley/reasoner');
  return {
    usage: completion.usage as Usage,
    pricing: endpoints.data.endpoints.find((endpoint) => endpoint.provider_name === 'Parley')?.pricing,
  };
};

const meta = {
  title: 'Conversation/UsageMeter',
  component: UsageMeter.Root,
  parameters: {
    docs: {
      description: usageDescription(
        "A reply's or conversation's tokens and cost, and how full the context window is.",
        usage,
      ),
    },
  },
  args: { usage: undefined },
} satisfies Meta<typeof UsageMeter.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The server reported the cost: shown as is. */
export const Reported: Story = {
  loaders: [reasonerUsage],
  render: (args, { loaded }) => (
    <UsageMeter.Root {...args} usage={loaded.usage as Usage} label="This reply" />
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'This reply' })).toBeVisible();
    await expect(canvas.getByText('Reasoning')).toBeVisible();
    await expect(canvas.getByText(/^Cost \$/)).toBeVisible();
  },
};

/** No cost in the response: estimated from the model's prices and marked as an estimate. */
export const Estimated: Story = {
  loaders: [reasonerUsage],
  args: { label: 'Conversation' },
  render: (args, { loaded }) => {
    const { cost: _cost, ...usage } = loaded.usage as Usage;
    return <UsageMeter.Root {...args} usage={usage} pricing={loaded.pricing as ModelPricing} />;
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('(estimate)')).toBeVisible();
  },
};

/** Estimated at the serving provider's prices (as `Chat.Messages` finds them), which the label names. */
export const EstimatedAtProviderPrices: Story = {
  ...Estimated,
  args: { pricedBy: 'Parley', label: 'Usage of this reply' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("(estimate at Parley's prices)")).toBeVisible();
  },
};

/** No usage yet: nothing is rendered. */
export const NoUsage: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="usage-meter"]')).toBeNull();
  },
};

/** Plenty of room left in the context window. */
export const ContextOk: Story = {
  render: () => <UsageMeter.ContextWindow usedTokens={1200} contextLength={8192} nextTokens={30} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('meter', { name: 'Context window' })).toHaveAttribute(
      'aria-valuetext',
      '1,200 of 8,192 tokens',
    );
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
  },
};

/** The next send would fill most of the window. */
export const ContextNear: Story = {
  render: () => <UsageMeter.ContextWindow usedTokens={6900} contextLength={8192} nextTokens={100} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/close to/);
  },
};

/** The next send would overflow the window. */
export const ContextOver: Story = {
  render: () => <UsageMeter.ContextWindow usedTokens={8100} contextLength={8192} nextTokens={300} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/would not fit/);
  },
};
