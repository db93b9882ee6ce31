/**
 * One HTTP exchange with retries. Every attempt gets its own AbortController so a timeout or the
 * caller's signal cancels exactly that attempt, and the reason it was cancelled travels as a typed
 * error (`controller.abort(reason)`), never as a bare DOMException.
 */
import {
  ParleyAbortError,
  type ParleyError,
  ParleyHttpError,
  ParleyNetworkError,
  ParleyTimeoutError,
} from './errors.ts';
import { parseJson, redactHeaders, redactSecret } from './redact.ts';
import {
  computeRetryDelay,
  isRetryable,
  parseRetryAfter,
  type RetryInfo,
  type RetryScheduler,
  waitForRetry,
} from './retry.ts';
import type { ErrorBody } from './wire-types.ts';

/** Per-call options accepted by every client method. */
export interface RequestOptions {
  /** Aborts the request, the retry wait, or the stream. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call only. */
  headers?: Record<string, string> | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
  /** Overrides the client's `timeout` (milliseconds) for this call. */
  timeout?: number | undefined;
  /** Called before each retry of this call, after the client's own `onRetry`. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

/** What the transport needs from the client configuration. */
export interface TransportConfig {
  baseURL: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  headers: Record<string, string>;
  maxRetries: number;
  timeout: number;
  onRetry: ((info: RetryInfo) => void) | undefined;
  scheduler: RetryScheduler;
}

/** How many times per timeout the timeout timer checks for progress; it fires at most 1/8 late. */
const TIMEOUT_TICKS = 8;

/**
 * The cancellation state of one attempt: the caller's signal and a timeout that restarts on every
 * sign of progress (`touch`), so a long stream that keeps sending never times out but a stalled
 * one does.
 */
export class Attempt {
  readonly controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #userSignal: AbortSignal | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Timer ticks since the last progress. */
  #idleTicks = 0;
  readonly #onUserAbort = () =>
    this.controller.abort(new ParleyAbortError({ cause: this.#userSignal?.reason }));

  constructor(timeoutMs: number, userSignal: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#userSignal = userSignal;
    if (userSignal?.aborted) this.#onUserAbort();
    else userSignal?.addEventListener('abort', this.#onUserAbort, { once: true });
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The typed reason the attempt was cancelled, if it was. */
  get reason(): ParleyError | undefined {
    const reason: unknown = this.controller.signal.reason;
    return this.controller.signal.aborted && reason instanceof Error ? (reason as ParleyError) : undefined;
  }

  /**
   * Records progress. It runs on every read of a stream, so it only resets a counter: one timer
   * ticks {@link TIMEOUT_TICKS} times per timeout and gives up once a whole timeout has passed
   * without progress, which is at most an eighth late (a timer re-created per read, or a clock read
   * per read, cost more than decoding a small read).
   */
  touch(): void {
    this.#idleTicks = 0;
    if (this.#timer === undefined) this.#arm();
  }

  #arm(): void {
    const timeoutMs = this.#timeoutMs;
    if (this.controller.signal.aborted || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) return;
    this.#timer = setInterval(() => {
      if (++this.#idleTicks <= TIMEOUT_TICKS) return;
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.controller.abort(new ParleyTimeoutError({ timeoutMs }));
    }, timeoutMs / TIMEOUT_TICKS);
  }

  abort(reason: ParleyError): void {
    this.controller.abort(reason);
  }

  dispose(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#userSignal?.removeEventListener('abort', this.#onUserAbort);
  }
}

/** The `{ error }` body of a failure; a proxy's HTML error page has none, and the status alone has to do. */
function parseErrorBody(text: string): ErrorBody | undefined {
  const parsed = parseJson(text);
  const value = parsed.ok ? (parsed.value as Partial<ErrorBody> | null) : undefined;
  const error = typeof value === 'object' ? value?.error : undefined;
  return error !== null && typeof error === 'object' ? (value as ErrorBody) : undefined;
}

async function httpError(
  response: Response,
  attempt: Attempt,
  config: TransportConfig,
): Promise<ParleyError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    if (attempt.reason) return attempt.reason;
  }
  const body = parseErrorBody(redactSecret(text, config.apiKey));
  const retryAfterMs = parseRetryAfter(response.headers, config.scheduler.now());
  return new ParleyHttpError({
    status: response.status,
    headers: redactHeaders(response.headers, config.apiKey),
    body,
    retryAfterMs,
  });
}

/** A request to send: a path under `baseURL`, a method and an optional JSON body. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  accept: string;
}

function joinURL(baseURL: string, path: string): string {
  return `${baseURL.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function buildHeaders(config: TransportConfig, request: TransportRequest, options: RequestOptions): Headers {
  const headers = new Headers({ accept: request.accept });
  if (request.body !== undefined) headers.set('content-type', 'application/json');
  if (config.apiKey) headers.set('authorization', `Bearer ${config.apiKey}`);
  for (const [name, value] of Object.entries(config.headers)) headers.set(name, value);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

/**
 * Sends the request, retrying failures that happened before a response was accepted. Resolves
 * with a 2xx response and its still-running attempt, which the caller disposes when it has read
 * the body. Rejects with a typed error.
 */
export async function send(
  config: TransportConfig,
  request: TransportRequest,
  options: RequestOptions = {},
): Promise<{ response: Response; attempt: Attempt }> {
  // NaN or a negative count must not turn into an endless retry loop.
  const maxRetries = Math.max(0, Math.floor(options.maxRetries ?? config.maxRetries) || 0);
  const timeout = options.timeout ?? config.timeout;
  const url = joinURL(config.baseURL, request.path);
  const headers = buildHeaders(config, request, options);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  for (let retry = 0; ; retry++) {
    if (options.signal?.aborted) throw new ParleyAbortError({ cause: options.signal.reason });
    const attempt = new Attempt(timeout, options.signal);
    let error: ParleyError;
    try {
      const response = await config.fetch(url, {
        method: request.method,
        headers,
        body: body ?? null,
        signal: attempt.signal,
      });
      if (response.ok) {
        attempt.touch(); // the headers are progress: the wait for the first byte of the body starts over
        return { response, attempt };
      }
      error = await httpError(response, attempt, config);
    } catch (cause) {
      error = attempt.reason ?? new ParleyNetworkError({ cause });
    }
    attempt.dispose();
    if (error.kind === 'abort' || retry >= maxRetries || !isRetryable(error)) throw error;
    const delayMs = computeRetryDelay(retry + 1, error, config.scheduler.random);
    const info: RetryInfo = { attempt: retry + 1, delayMs, error, retryAt: config.scheduler.now() + delayMs };
    config.onRetry?.(info);
    options.onRetry?.(info);
    await waitForRetry(config.scheduler, delayMs, options.signal);
  }
}
