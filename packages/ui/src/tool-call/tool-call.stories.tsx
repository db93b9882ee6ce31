import type { ChatToolCall } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { useReplayedText } from '../__fixtures__/replay.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as ToolCall from './index.ts';
import usage from './tool-call.usage.tsx?raw';

// The call before it has a result; `weather` is the same call once it ran.
const pending: ChatToolCall = {
  id: 'call-weather',
  index: 0,
  name: 'get_weather',
  argumentsText: '{"city":"Lisbon","unit":"celsius"}',
  state: 'awaiting-result',
};
// The chat core stamps when a call ran and settled, and keeps it with the message.
const weather: ChatToolCall = {
  ...pending,
  state: 'done',
  result: '{"city":"Lisbon","temperature":21,"unit":"celsius","sky":"clear"}',
  startedAt: Date.UTC(2026, 11, 1, 12),
  endedAt: Date.UTC(2026, 11, 1, 12) + 420,
};

const email: ChatToolCall = {
  id: 'call-email',
  index: 0,
  name: 'send_email',
  argumentsText:
    '{"to":"team@example.com","subject":"Release 1.4 is out","body":"Hi all, 1.4 shipped this morning. Notes are on the wiki."}',
  state: 'awaiting-approval',
};

const meta = {
  title: 'Conversation/ToolCall',
  component: ToolCall.Root,
  args: { toolCall: weather, onApprove: fn(), onDeny: fn() },
  parameters: {
    docs: {
      description: usageDescription(
        'One tool call: a summary line (name, state, duration) that opens to its arguments and result, with Approve and Deny while it waits for the person. `Message.ToolCalls` renders one per call.',
        usage,
      ),
    },
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 560 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ToolCall.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The call as it was before it had a result (and before it settled). */
function withoutResult({ result: _result, endedAt: _endedAt, ...call }: ChatToolCall): ChatToolCall {
  return call;
}

// Replays the story's own arguments, so editing `toolCall` in the controls changes what streams.
function LiveArguments({ toolCall }: { toolCall: ChatToolCall }) {
  const { text, done } = useReplayedText(toolCall.argumentsText, { step: 2, intervalMs: 40 });
  return (
    <ToolCall.Root
      toolCall={{
        ...withoutResult(toolCall),
        argumentsText: text,
        state: done ? 'running' : 'streaming-arguments',
      }}
    />
  );
}

/** Arguments streaming in as partial JSON, shown as far as they go; the line folds once the call runs. */
export const StreamingArguments: Story = {
  render: (args) => <LiveArguments toolCall={args.toolCall} />,
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('Preparing')).toBeVisible();
    await expect(canvas.getByRole('figure', { name: 'Arguments' })).toBeVisible();
    await expect(await canvas.findByText('Running', {}, { timeout: 10_000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /^get_weather Running/ }));
    await expect(canvas.getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"unit": "celsius"');
  },
};

/** A call that acts for the person waits for approval, its arguments in view. */
export const AwaitingApproval: Story = {
  args: { toolCall: email },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('figure', { name: 'Arguments' })).toHaveTextContent(
      '"to": "team@example.com"',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApprove).toHaveBeenCalledWith('call-email');
    await userEvent.click(canvas.getByRole('button', { name: 'Deny' }));
    await expect(args.onDeny).toHaveBeenCalledWith('call-email');
  },
};

/** Running: one line, no buttons, no result yet. */
export const Running: Story = {
  args: { toolCall: { ...pending, state: 'running' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Running')).toBeVisible();
    await expect(canvas.queryByRole('figure', { name: 'Result' })).toBeNull();
  },
};

/** Done: one line; opening it shows the arguments and the result given to the model. */
export const Done: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.queryByRole('figure', { name: 'Result' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: /^get_weather Done/ }));
    await expect(canvas.getByRole('figure', { name: 'Result' })).toHaveTextContent('"temperature": 21');
  },
};

/** Failed, open, saying why. */
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
  args: { toolCall: { ...email, state: 'denied', error: 'You denied this call.' } },
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
