import type { ChatToolCall } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { useReplayedText } from '../__fixtures__/replay.ts';
import * as ToolCall from './index.ts';

// The call before it has a result; `weather` is the same call once it ran.
const pending: ChatToolCall = {
  id: 'call-weather',
  index: 0,
  name: 'get_weather',
  argumentsText: '{"city":"Lisbon","unit":"celsius","days":[1,2,3]}',
  state: 'awaiting-result',
};
const weather: ChatToolCall = { ...pending, state: 'done', result: '{"temperature":21,"sky":"clear"}' };

const meta = {
  title: 'Conversation/ToolCall',
  component: ToolCall.Root,
  args: { toolCall: weather, onApprove: fn(), onDeny: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 520 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ToolCall.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

function LiveArguments() {
  const { text, done } = useReplayedText(weather.argumentsText, { step: 2, intervalMs: 40 });
  return (
    <ToolCall.Root
      toolCall={{
        ...pending,
        argumentsText: text,
        state: done ? 'running' : 'streaming-arguments',
      }}
    />
  );
}

/** Arguments streaming in as partial JSON, shown pretty-printed as far as they go. */
export const StreamingArguments: Story = {
  render: () => <LiveArguments />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Preparing')).toBeVisible();
    await expect(await canvas.findByText('Running', {}, { timeout: 10_000 })).toBeVisible();
    await expect(canvas.getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"unit": "celsius"');
  },
};

/** A call that needs the person's approval. */
export const AwaitingApproval: Story = {
  args: { toolCall: { ...pending, name: 'send_email', state: 'awaiting-approval' } },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApprove).toHaveBeenCalledWith('call-weather');
    await userEvent.click(canvas.getByRole('button', { name: 'Deny' }));
    await expect(args.onDeny).toHaveBeenCalledWith('call-weather');
  },
};

/** Running: no buttons, no result yet. */
export const Running: Story = {
  args: { toolCall: { ...pending, state: 'running' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Running')).toBeVisible();
    await expect(canvas.queryByRole('figure', { name: 'Result' })).toBeNull();
  },
};

/** Done, with the result given to the model. */
export const Done: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('figure', { name: 'Result' })).toHaveTextContent('"temperature": 21');
  },
};

/** Failed, saying why. */
export const Failed: Story = {
  args: {
    toolCall: { ...pending, state: 'failed', error: 'The weather service timed out.' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('The weather service timed out.')).toBeVisible();
  },
};

/** Denied by the person. */
export const Denied: Story = {
  args: { toolCall: { ...pending, state: 'denied', error: 'You denied this call.' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Denied')).toBeVisible();
  },
};

function WeatherCard({ args, toolCall }: ToolCall.ToolCallRendererProps) {
  const value = args.kind === 'json' ? (args.value as { city?: string }) : {};
  const result = toolCall.result
    ? (JSON.parse(toolCall.result) as { temperature: number; sky: string })
    : undefined;
  return (
    <p>
      {value.city}: {result ? `${result.temperature} °C, ${result.sky}` : 'checking…'}
    </p>
  );
}

/** Custom content inside the root: what a renderer registered with `Message.ToolCalls` shows. */
export const CustomRenderer: Story = {
  render: (args) => (
    <ToolCall.Root {...args}>
      <WeatherCard
        toolCall={args.toolCall}
        args={{ kind: 'json', value: JSON.parse(args.toolCall.argumentsText) as unknown }}
      />
    </ToolCall.Root>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Lisbon: 21 °C, clear')).toBeVisible();
  },
};
