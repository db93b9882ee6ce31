import { toChatErrorInfo } from '@parley/client';
import type { ChatErrorInfo } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import {
  badGatewayError,
  incompleteStreamError,
  invalidKeyError,
  midStreamError,
  networkError,
  paymentError,
  rateLimitError,
  unavailableError,
} from '../__fixtures__/errors.ts';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './error-notice.usage.tsx?raw';
import * as ErrorNotice from './index.ts';

/** The in-page simulator's error body for `scenario`, as the chat stores it. */
const simulatedError = (scenario: string) => async () => ({
  error: toChatErrorInfo(
    await simulatedCompletion({
      model: 'parley/echo',
      messages: [{ role: 'user', content: 'Please flag this message for me' }],
      metadata: { parley_scenario: scenario },
    }).catch((caught: unknown) => caught),
  ),
});

const meta = {
  title: 'ErrorNotice',
  component: ErrorNotice.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'What went wrong, in words, with the one action that fits: retry, change the API key, or wait for the countdown.',
        usage,
      ),
    },
  },
  args: { onRetry: fn(), onDismiss: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 560 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ErrorNotice.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A moderation 403 from the simulator, in full: reasons, flagged input, code, type, provider. */
export const ModerationInFull: Story = {
  loaders: [simulatedError('moderation')],
  render: (args, { loaded }) => <ErrorNotice.Root {...args} error={loaded.error as ChatErrorInfo} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Flagged by moderation');
    await expect(canvas.getByText('harassment, violence')).toBeVisible();
    await expect(canvas.getByText('Please flag this message for me')).toBeVisible();
  },
};

/** A 524 from the simulator: the provider never answered; read as a timeout. */
export const UpstreamTimeout: Story = {
  loaders: [simulatedError('upstream-timeout')],
  render: (args, { loaded }) => <ErrorNotice.Root {...args} error={loaded.error as ChatErrorInfo} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The request timed out');
    await expect(canvas.getByText('upstream_timeout')).toBeVisible();
  },
};

/** The server refused the API key (401). */
export const InvalidKey: Story = {
  args: { error: invalidKeyError, onChangeKey: fn() },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Invalid API key');
    // The same key would fail again: the one action is to change it.
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Change API key' }));
    await expect(args.onChangeKey).toHaveBeenCalledOnce();
  },
};

/** The account ran out of credits (402). */
export const OutOfCredits: Story = {
  args: { error: paymentError },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Out of credits');
  },
};

function Countdown(props: ErrorNotice.ErrorNoticeRootProps) {
  // The client waits what the server asked (`retry-after`), so the countdown starts from that
  // number, set when the story mounts.
  const delayMs = props.error?.retryAfterMs ?? 5000;
  const [pendingRetry] = useState(() => ({ attempt: 1, delayMs, retryAt: Date.now() + delayMs }));
  return <ErrorNotice.Root {...props} pendingRetry={pendingRetry} />;
}

/** Rate limited (429): the client retries on its own, and the notice counts down to it, one number only. */
export const RateLimitedCountdown: Story = {
  args: { error: rateLimitError },
  render: (args) => <Countdown {...args} />,
  play: async ({ canvas }) => {
    const timer = canvas.getByRole('timer');
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Rate limited');
    await expect(timer).toHaveTextContent(/Retrying automatically in [23] seconds \(retry 1\)/);
    await expect(status.textContent?.match(/\d+ seconds?/g)).toHaveLength(1);
    await waitFor(() => expect(timer).toHaveTextContent(/in 1 second /), { timeout: 5000 });
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
  },
};

/** Rate limited with no automatic retry left: wait out the server's `retry-after`, then Retry. */
export const RateLimitedWait: Story = {
  args: { error: rateLimitError },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('timer')).toHaveTextContent(/You can try again in [23] seconds?\./);
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
    await expect(await canvas.findByRole('button', { name: 'Retry' }, { timeout: 5000 })).toBeVisible();
  },
};

/** The provider failed (502). */
export const ProviderError: Story = {
  args: { error: badGatewayError },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The provider had a problem');
  },
};

/** No provider can serve the model (503). */
export const NoProvider: Story = {
  args: { error: unavailableError },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('No provider can serve this model');
  },
};

/** The provider reported an error after the reply had started. */
export const MidStreamFailure: Story = {
  args: { error: midStreamError },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The reply failed part-way');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** The connection ended before the reply finished. */
export const IncompleteStream: Story = {
  args: { error: incompleteStreamError },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The reply was cut off');
  },
};

/** The server could not be reached; dismissing hides the notice. */
export const NetworkDismissed: Story = {
  args: { error: networkError },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Cannot reach the server');
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalledOnce();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const everyError = [
  invalidKeyError,
  paymentError,
  rateLimitError,
  badGatewayError,
  unavailableError,
  midStreamError,
  incompleteStreamError,
  networkError,
];

/** Every error side by side, for visual review in both themes. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      {everyError.map((error) => (
        <ErrorNotice.Root key={error.message} {...args} error={error} />
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('alert')).toHaveLength(everyError.length);
  },
};
