import type { ChatErrorInfo } from '@parley/client/chat';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import {
  abortError,
  badGatewayError,
  incompleteStreamError,
  invalidKeyError,
  midStreamError,
  networkError,
  paymentError,
  rateLimitError,
  serverError,
  unavailableError,
} from '../__fixtures__/errors.ts';
import * as ErrorNotice from './index.ts';

afterEach(() => {
  vi.useRealTimers();
});

// Each error with its title, its sentence and the one action that fits it.
const cases: [string, ChatErrorInfo, string, RegExp, string | undefined][] = [
  ['an invalid key (401)', invalidKeyError, 'Invalid API key', /Check that it is correct/, 'Change API key'],
  ['a payment problem (402)', paymentError, 'Out of credits', /Add credits/, 'Retry'],
  ['a server error (500)', serverError, 'The provider had a problem', /error \(HTTP 500\)/, 'Retry'],
  ['a provider error (502)', badGatewayError, 'The provider had a problem', /error \(HTTP 502\)/, 'Retry'],
  ['no provider (503)', unavailableError, 'The provider had a problem', /No provider can serve/, 'Retry'],
  [
    'a mid-stream failure',
    midStreamError,
    'The reply failed part-way',
    /What arrived so far is kept/,
    'Retry',
  ],
  ['an incomplete stream', incompleteStreamError, 'The reply was cut off', /connection ended/, 'Retry'],
  ['a network failure', networkError, 'Cannot reach the server', /network connection/, 'Retry'],
];

describe('ErrorNotice', () => {
  it.each(cases)(
    'announces %s as a person reads it, with the one action that fits',
    async (_, error, title, description, action) => {
      const { container } = render(
        <ErrorNotice.Root error={error} onRetry={() => {}} onChangeKey={() => {}} />,
      );
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent(title);
      expect(alert).toHaveTextContent(description);
      expect(alert).toHaveTextContent(error.message);
      const actions = within(alert)
        .getAllByRole('button')
        .map((button) => button.textContent);
      expect(actions).toEqual([action, 'Dismiss']);
      await expectNoAxeViolations(container);
    },
  );

  it('offers no Retry for a refused key when the app gives no way to change it', () => {
    render(<ErrorNotice.Root error={invalidKeyError} onRetry={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent(/will not help/);
  });

  it('counts down a rate limit with the one number the server gave, then offers Retry', () => {
    const { rerender } = render(<ErrorNotice.Root error={rateLimitError} onRetry={() => {}} now={10_000} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Rate limited');
    expect(screen.getByRole('timer')).toHaveTextContent('You can try again in 3 seconds.');
    // No other number anywhere: the countdown is the only place the wait is stated.
    expect(alert.textContent?.match(/\d+ seconds?/g)).toEqual(['3 seconds']);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    rerender(<ErrorNotice.Root error={rateLimitError} onRetry={() => {}} now={11_100} />);
    expect(screen.getByRole('timer')).toHaveTextContent('You can try again in 2 seconds.');
    rerender(<ErrorNotice.Root error={rateLimitError} onRetry={() => {}} now={13_000} />);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('says nothing about a reply the user stopped', () => {
    const { container } = render(<ErrorNotice.Root error={abortError} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('counts down to the automatic retry, politely and without a Retry button', async () => {
    const pendingRetry = { attempt: 1, delayMs: 3000, retryAt: 10_000 };
    const { rerender, container } = render(
      <ErrorNotice.Root error={rateLimitError} pendingRetry={pendingRetry} onRetry={() => {}} now={7000} />,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Rate limited');
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying automatically in 3 seconds (retry 1).');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await expectNoAxeViolations(container);

    rerender(
      <ErrorNotice.Root error={rateLimitError} pendingRetry={pendingRetry} onRetry={() => {}} now={9100} />,
    );
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying automatically in 1 second (retry 1).');
    rerender(
      <ErrorNotice.Root error={rateLimitError} pendingRetry={pendingRetry} onRetry={() => {}} now={10_000} />,
    );
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying now (retry 1)…');
  });

  it('names the failure being retried when the retry carries it', () => {
    const pendingRetry = { attempt: 2, delayMs: 1000, retryAt: 1000, error: unavailableError };
    render(<ErrorNotice.Root pendingRetry={pendingRetry} now={0} />);
    expect(screen.getByRole('status')).toHaveTextContent('The provider had a problem');
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying automatically in 1 second (retry 2).');
  });

  it('says a retry is under way when it does not know why', () => {
    render(<ErrorNotice.Root pendingRetry={{ attempt: 1, delayMs: 1000, retryAt: 1000 }} now={0} />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'RetryingThe request failed and is being tried again.',
    );
  });

  it('ticks on its own clock when no time is given', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(50_000);
    render(<ErrorNotice.Root pendingRetry={{ attempt: 2, delayMs: 2000, retryAt: 52_000 }} />);
    expect(screen.getByRole('timer')).toHaveTextContent('in 2 seconds (retry 2)');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('timer')).toHaveTextContent('in 1 second (retry 2)');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('timer')).toHaveTextContent('Retrying now (retry 2)…');
  });

  it('retries on request', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<ErrorNotice.Root error={serverError} onRetry={onRetry} />);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('offers no Retry when nobody can retry', () => {
    render(<ErrorNotice.Root error={serverError} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('stays dismissed until a new error arrives', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    const { rerender } = render(<ErrorNotice.Root error={serverError} onDismiss={onDismiss} />);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ErrorNotice.Root error={serverError} onDismiss={onDismiss} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<ErrorNotice.Root error={{ ...networkError }} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the server');
  });

  it('shows the server’s message as text, never as markup', () => {
    const hostile = { ...serverError, message: '<img src=x onerror="window.pwned=1"><b>bold</b>' };
    const { container } = render(<ErrorNotice.Root error={hostile} />);
    expect(screen.getByRole('alert')).toHaveTextContent('<img src=x onerror="window.pwned=1"><b>bold</b>');
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('renders Retry onto the child element with asChild', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(
      <ErrorNotice.Root error={serverError} onRetry={onRetry}>
        <ErrorNotice.Title />
        <ErrorNotice.Retry asChild>
          <button type="button" className="mine">
            Try again
          </button>
        </ErrorNotice.Retry>
      </ErrorNotice.Root>,
    );
    const button = screen.getByRole('button', { name: 'Try again' });
    expect(button).toHaveClass('mine');
    expect(button).toHaveAttribute('data-slot', 'error-notice-retry');
    await user.click(button);
    expect(onRetry).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });
});
