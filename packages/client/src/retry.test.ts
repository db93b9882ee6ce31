import { describe, expect, it } from 'vitest';
import {
  ParleyHttpError,
  ParleyInvalidResponseError,
  ParleyNetworkError,
  ParleyTimeoutError,
} from './errors.ts';
import { computeRetryDelay, isRetryable, parseRetryAfter, realScheduler } from './retry.ts';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const headers = (init: Record<string, string>) => new Headers(init);

describe('parseRetryAfter', () => {
  it('reads delta-seconds, HTTP dates and retry-after-ms', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), NOW)).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '1.5' }), NOW)).toBe(1500);
    expect(parseRetryAfter(headers({ 'retry-after': new Date(NOW + 30_000).toUTCString() }), NOW)).toBe(
      30_000,
    );
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), NOW)).toBe(250);
  });

  it('treats a date in the past as no wait and ignores what it cannot read', () => {
    expect(parseRetryAfter(headers({ 'retry-after': new Date(NOW - 5000).toUTCString() }), NOW)).toBe(0);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({}), NOW)).toBeUndefined();
  });
});

describe('isRetryable', () => {
  const http = (status: number, retryAfterMs?: number) =>
    new ParleyHttpError({ status, headers: new Headers(), retryAfterMs });

  it('retries timeouts, rate limits, transient server errors and failures before a response', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 524, 529])
      expect(isRetryable(http(status))).toBe(true);
    expect(isRetryable(new ParleyNetworkError())).toBe(true);
    expect(isRetryable(new ParleyTimeoutError())).toBe(true);
  });

  it('does not retry client errors, other statuses, unreadable responses or very long waits', () => {
    for (const status of [400, 401, 402, 403, 404, 413, 422, 501])
      expect(isRetryable(http(status))).toBe(false);
    expect(isRetryable(new ParleyInvalidResponseError())).toBe(false);
    expect(isRetryable(http(429, 120_000))).toBe(false);
  });
});

describe('computeRetryDelay', () => {
  it('uses the server wait when there is one, else doubling backoff with jitter', () => {
    expect(
      computeRetryDelay(
        3,
        new ParleyHttpError({ status: 429, headers: new Headers(), retryAfterMs: 1234 }),
        () => 0.9,
      ),
    ).toBe(1234);
    const network = new ParleyNetworkError();
    expect([1, 2, 3, 4, 5, 6].map((n) => computeRetryDelay(n, network, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(computeRetryDelay(2, network, () => 0.5)).toBe(875);
  });
});

describe('realScheduler.sleep', () => {
  it('rejects with the abort reason when the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = realScheduler.sleep(60_000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(sleeping).rejects.toThrow('cancelled');
  });
});
