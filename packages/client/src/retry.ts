/**
 * When and how long to wait before retrying a request. Only failures that happened before a
 * response was accepted are retried: a second attempt after a stream started would start a
 * second paid generation.
 */
import { ParleyAbortError, type ParleyError, ParleyHttpError } from './errors.ts';

/** A scheduled retry, as reported to `onRetry` (for a countdown in the UI, or logs). */
export interface RetryInfo {
  /** The 1-based number of the retry about to happen. */
  attempt: number;
  /** How long the client waits before it, in milliseconds. */
  delayMs: number;
  /** The failure that caused the retry. */
  error: ParleyError;
  /** When the retry starts, in epoch milliseconds. */
  retryAt: number;
}

/**
 * Time and randomness used by the retry loop. Tests inject their own so that retry waits are
 * computed and observed but never really waited for.
 */
export interface RetryScheduler {
  /** The current time in epoch milliseconds. */
  now(): number;
  /** Resolves after `ms` milliseconds, or rejects with `signal.reason` once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), as `Math.random` returns. */
  random(): number;
}

/**
 * Statuses worth another attempt: the request timing out (408, a gateway's 504, and 524, Cloudflare's "a timeout
 * occurred", which OpenRouter returns when the upstream accepted the request but never answered),
 * rate limit, transient server failures, and 529, which Anthropic (and OpenRouter passing it
 * through) sends when a model is overloaded. A timeout is retried like the others: after the
 * server's `Retry-After` when it sent one, otherwise after backoff.
 */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504, 524, 529]);

/** The first backoff step; each retry doubles it, up to {@link MAX_BACKOFF_MS}. */
/** A plain decimal number of (milli)seconds, as `Retry-After` and `retry-after-ms` carry it. */
const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

export const INITIAL_BACKOFF_MS = 500;
/** The longest computed backoff. */
export const MAX_BACKOFF_MS = 8_000;
/** A longer `Retry-After` is not waited for silently: the error surfaces with `retryAfterMs`. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** The scheduler backed by real timers, `Date.now` and `Math.random`. */
export const realScheduler: RetryScheduler = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

/**
 * Reads how long the server asks the client to wait: `retry-after-ms`, or `Retry-After` as
 * delta-seconds or an HTTP date. Returns undefined when absent or unreadable.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && NUMBER.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (NUMBER.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Whether a failure before the response may be retried. The server decides first, as the openai
 * package lets it: `x-should-retry: false` never retries and `x-should-retry: true` always does.
 * Without it, the retryable statuses are, and so is a 402 (payment required) that says when to
 * come back with `Retry-After`, as a provider does while a credit top-up or a spend limit resets. A `Retry-After` longer than
 * {@link MAX_RETRY_AFTER_MS} is never waited for silently: the error surfaces with `retryAfterMs`.
 */
export function isRetryable(error: ParleyError): boolean {
  if (error instanceof ParleyHttpError) {
    const waitable = error.retryAfterMs === undefined || error.retryAfterMs <= MAX_RETRY_AFTER_MS;
    const shouldRetry = error.headers.get('x-should-retry')?.trim().toLowerCase();
    if (shouldRetry === 'false') return false;
    if (shouldRetry === 'true') return waitable;
    const comeBack = error.status === 402 && error.retryAfterMs !== undefined;
    return (RETRYABLE_STATUSES.has(error.status) || comeBack) && waitable;
  }
  return error.kind === 'network' || error.kind === 'timeout';
}

/**
 * The wait before retry number `attempt` (1-based): the server's `Retry-After` when it sent one,
 * otherwise exponential backoff with up to 25% random jitter, so clients that failed together do
 * not retry together.
 */
export function computeRetryDelay(attempt: number, error: ParleyError, random: () => number): number {
  if (error instanceof ParleyHttpError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  return Math.round(backoff * (1 - random() * 0.25));
}

/** Waits through the scheduler, turning an abort during the wait into a typed abort error. */
export async function waitForRetry(
  scheduler: RetryScheduler,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await scheduler.sleep(ms, signal);
  } catch (cause) {
    if (signal?.aborted) throw new ParleyAbortError({ cause });
    throw cause;
  }
}
