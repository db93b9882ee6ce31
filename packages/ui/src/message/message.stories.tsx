import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import {
  assistantAborted,
  assistantAnswer,
  assistantError,
  assistantErrorFinish,
  assistantIncomplete,
  assistantReasoning,
  assistantStreaming,
  assistantToolCalls,
  userQuestion,
  userWithMedia,
} from '../__fixtures__/messages.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as Message from './index.ts';
import usage from './message.usage.tsx?raw';

const meta = {
  title: 'Conversation/Message',
  component: Message.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'One message of any role: author, reasoning, content, tool calls, status and icon actions, each action offered when its callback is given.',
        usage,
      ),
    },
  },
  args: {
    message: assistantAnswer,
    onRegenerate: fn(),
    onEdit: fn(),
    onDelete: fn(),
    onRetry: fn(),
    onSwitchBranch: fn(),
    onApproveToolCall: fn(),
    onDenyToolCall: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Message.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Your message: plain text as typed, with Edit and Delete. */
export const User: Story = {
  args: { message: userQuestion },
  play: async ({ canvas, userEvent }) => {
    const article = canvas.getByRole('article', { name: 'Your message' });
    await expect(article).toHaveTextContent('Keep it short.');
    // The actions show on hover and on keyboard focus (always on touch screens).
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Copy message' })).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  },
};

/** A finished reply with model and provider; timing and usage behind Details. */
export const Complete: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByText('parley/echo')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Details' }));
    await expect(canvas.getByText('Time to first token')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate' }));
    await expect(args.onRegenerate).toHaveBeenCalledWith('assistant-1');
  },
};

/** Tokens arriving: "Writing…", the unfinished bold already bold, no actions yet. */
export const Streaming: Story = {
  args: { message: assistantStreaming },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Writing…')).toBeVisible();
    await expect(canvas.getByText('main change').tagName).toBe('STRONG');
    await expect(canvas.queryByRole('group', { name: 'Message actions' })).toBeNull();
  },
};

/** Stopped by the person: the partial reply stays, marked as such. */
export const Aborted: Story = {
  args: { message: assistantAborted },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Stopped. The reply above is partial.')).toBeVisible();
  },
};

/** Cut short by the length limit. */
export const Incomplete: Story = {
  args: { message: assistantIncomplete },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/reached its length limit/)).toBeVisible();
  },
};

/** Failed mid-stream, with Retry. */
export const ErrorWithRetry: Story = {
  args: { message: assistantError },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByText('The provider stopped responding mid-stream.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** Ended by the provider with an error chunk: one notice where the reply ends, with the provider's report and Retry. */
export const ErrorFinish: Story = {
  args: { message: assistantErrorFinish },
  play: async ({ canvas, userEvent, args }) => {
    const alerts = await canvas.findAllByRole('alert');
    await expect(alerts).toHaveLength(1);
    await expect(alerts[0]).toHaveTextContent('The reply ended with an error before it was complete.');
    await expect(canvas.getByText('Provider returned error')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** A reply with its reasoning, closed, saying how long the model thought. */
export const WithReasoning: Story = {
  args: { message: assistantReasoning },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Thought for 3 s' }));
    await expect(canvas.getByText(/Hidden reasoning: 184 tokens/)).toBeVisible();
  },
};

/** Tool calls: one done with its result, one waiting for approval. */
export const WithToolCalls: Story = {
  args: { message: assistantToolCalls },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('group', { name: 'Tool call: get_weather' })).toHaveTextContent('Done');
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApproveToolCall).toHaveBeenCalledWith('call-email');
  },
};

/** A regenerated reply: the branch picker moves between versions. */
export const WithBranches: Story = {
  args: { branch: { index: 1, count: 3 } },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('group', { name: 'Versions' })).toHaveTextContent('2 / 3');
    await userEvent.click(canvas.getByRole('button', { name: 'Previous version' }));
    await expect(args.onSwitchBranch).toHaveBeenCalledWith('assistant-1', 0);
  },
};

/** Editing your message with attachments: the text changes, the image and audio stay. */
export const Editing: Story = {
  args: { message: userWithMedia },
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Edit' }));
    const input = canvas.getByRole('textbox', { name: 'Edit message' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Only the picture, please.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save and send' }));
    await expect(args.onEdit).toHaveBeenCalledWith('user-media', [
      { type: 'text', text: 'Only the picture, please.' },
      userWithMedia.parts[1],
      userWithMedia.parts[2],
    ]);
  },
};

/** Every state side by side, for visual review in both themes. */
export const StatesMatrix: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      {[
        userQuestion,
        assistantAnswer,
        assistantStreaming,
        assistantAborted,
        assistantIncomplete,
        assistantError,
        assistantErrorFinish,
        assistantReasoning,
        assistantToolCalls,
      ].map((message) => (
        <Message.Root key={message.id} {...args} message={message} />
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('article')).toHaveLength(9);
  },
};
