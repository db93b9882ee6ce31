import type { ChatErrorInfo } from '@parley/client/chat';
import { act, render, screen } from '@testing-library/react';
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

const cases: [string, ChatErrorInfo, string, RegExp][] = [
  ['an invalid key (401)', invalidKeyError, 'Invalid API key', /Check that it is correct/],
  ['a payment problem (402)', paymentError, 'Out of credits', /Add credits/],
  ['a rate limit (429)', rateLimitError, 'Rate limited', /asked to wait 3 seconds/],
  ['a server error (500)', serverError, 'The provider had a problem', /error \(HTTP 500\)/],
  ['a provider error (502)', badGatewayError, 'The provider had a problem', /error \(HTTP 502\)/],
  ['no provider (503)', unavailableError, 'The provider had a problem', /No provider can serve/],
  ['a mid-stream failure', midStreamError, 'The reply failed part-way', /What arrived so far is kept/],
  ['an incomplete stream', incompleteStreamError, 'The reply was cut off', /connection ended/],
  ['a network failure', networkError, 'Cannot reach the server', /network connection/],
];

describe('ErrorNotice', () => {
  it.each(cases)('announces %s as a person reads it', async (_, error, title, description) => {
    const { container } = render(<ErrorNotice.Root error={error} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(title);
    expect(alert).toHaveTextContent(description);
    expect(alert).toHaveTextContent(error.message);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
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
