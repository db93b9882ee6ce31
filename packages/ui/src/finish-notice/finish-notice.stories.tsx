import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { assistantErrorFinish } from '../__fixtures__/messages.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as Refusal from '../refusal/index.ts';
import usage from './finish-notice.usage.tsx?raw';
import * as FinishNotice from './index.ts';

const meta = {
  title: 'Conversation/FinishNotice',
  component: FinishNotice.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'Why a reply ended early (its length limit, the content filter, an error), with Continue, Rephrase or Retry.',
        usage,
      ),
    },
  },
  args: { reason: 'length', onContinue: fn(), onRephrase: fn(), onRetry: fn() },
} satisfies Meta<typeof FinishNotice.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Cut by `max_tokens`: says so and offers Continue. */
export const Length: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent(/length limit/);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(args.onContinue).toHaveBeenCalled();
  },
};

/** Stopped by the provider's content filter: offers Rephrase. */
export const ContentFilter: Story = {
  args: { reason: 'content_filter' },
  play: async ({ canvas, userEvent, args }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent(/content filter/);
    await userEvent.click(canvas.getByRole('button', { name: 'Rephrase' }));
    await expect(args.onRephrase).toHaveBeenCalled();
  },
};

/** Ended by an error chunk: says what the provider reported, and offers Retry. */
export const ErrorFinish: Story = {
  args: {
    reason: 'error',
    error: assistantErrorFinish.error,
  },
  play: async ({ canvas, userEvent, args }) => {
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/ended with an error/);
    await expect(canvas.getByText('Provider returned error')).toBeVisible();
    await expect(canvas.getByText('Mynah')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

/** Without the matching callback, the notice still says why, with no button. */
export const WithoutAction: Story = {
  render: (args) => <FinishNotice.Root {...args} onContinue={undefined} />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('status')).toHaveTextContent(/length limit/);
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** A refusal, rendered apart from content. */
export const RefusalNote: Story = {
  render: () => <Refusal.Root refusal="I'm sorry, but I can't help with that request." />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('note', { name: 'The model declined to answer' })).toHaveTextContent(
      /can't help/,
    );
  },
};
