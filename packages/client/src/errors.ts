/**
 * Parley's error family: every failure the client surfaces is a {@link ParleyError} with a
 * discriminating `kind`, so callers switch on data instead of parsing strings. Errors that happen
 * while a completion streams carry the `partial` completion assembled so far, so nothing is lost.
 */
import { type ChatErrorInfo, errorBodyDetails, type ParleyErrorKind } from './error-info.ts';
import type { ChatCompletion, ErrorBody } from './wire-types.ts';

export type { ChatErrorInfo, ParleyErrorKind } from './error-info.ts';

/** Options every Parley error accepts: a message override and the underlying cause. */
export interface ParleyErrorOptions {
  message?: string | undefined;
  cause?: unknown;
}

/** Base class of every error the Parley client throws; switch on `kind`. */
export abstract class ParleyError extends Error {
  abstract readonly kind: ParleyErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }

  /** A plain summary for logs and `JSON.stringify`; never includes request headers. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, ...toChatErrorInfo(this) };
  }
}

/** Builds the message of an HTTP error from its status and the server's error body. */
function httpMessage(status: number, body: ErrorBody | undefined): string {
  const detail = body?.error.message;
  return detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
}

/** The server answered with a non-success status (or a 200 whose JSON body is an error). */
export class ParleyHttpError extends ParleyError {
  readonly kind = 'http' as const;
  override readonly name = 'ParleyHttpError';
  /** The HTTP status code. */
  readonly status: number;
  /** The response headers (`retry-after`, request ids, rate-limit counters). */
  readonly headers: Headers;
  /** The server's `{ error: { code, message, param, type, metadata } }` body, when it sent one. */
  readonly body: ErrorBody | undefined;
  /** How long the server asked the client to wait (from `Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    init: {
      status: number;
      headers: Headers;
      body?: ErrorBody | undefined;
      retryAfterMs?: number | undefined;
    } & ParleyErrorOptions,
  ) {
    super(init.message ?? httpMessage(init.status, init.body), init);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The request never got a response: DNS, refused or reset connection, CORS, offline. */
export class ParleyNetworkError extends ParleyError {
  readonly kind = 'network' as const;
  override readonly name = 'ParleyNetworkError';

  constructor(init: ParleyErrorOptions = {}) {
    super(init.message ?? 'Network error: the request did not get a response', init);
  }
}

/** No progress within the configured `timeout` (before the response, or between stream reads). */
export class ParleyTimeoutError extends ParleyError {
  readonly kind = 'timeout' as const;
  override readonly name = 'ParleyTimeoutError';
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number | undefined;
  /** What had streamed before the timeout, when a stream had started. */
  readonly partial: ChatCompletion | undefined;

  constructor(
    init: { timeoutMs?: number | undefined; partial?: ChatCompletion | undefined } & ParleyErrorOptions = {},
  ) {
    super(
      init.message ??
        (init.timeoutMs === undefined ? 'Request timed out' : `Request timed out after ${init.timeoutMs} ms`),
      init,
    );
    this.timeoutMs = init.timeoutMs;
    this.partial = init.partial;
  }
}

/** The caller aborted the request (its `signal`, `stream.abort()`, or leaving a `for await` loop). */
export class ParleyAbortError extends ParleyError {
  readonly kind = 'abort' as const;
  override readonly name = 'ParleyAbortError';
  /** What had streamed before the abort, when a stream had started. */
  readonly partial: ChatCompletion | undefined;

  constructor(init: { partial?: ChatCompletion | undefined } & ParleyErrorOptions = {}) {
    super(init.message ?? 'Request aborted', init);
    this.partial = init.partial;
  }
}

/** The server reported an error inside the stream (an `error` object, finish_reason `error`). */
export class ParleyStreamError extends ParleyError {
  readonly kind = 'stream' as const;
  override readonly name = 'ParleyStreamError';
  /** Everything assembled before (and including) the error chunk. */
  readonly partial: ChatCompletion;
  /** The chunk's `error` object, verbatim. */
  readonly body: ErrorBody['error'];

  constructor(init: { partial: ChatCompletion; body: ErrorBody['error'] } & ParleyErrorOptions) {
    super(init.message ?? `Stream error: ${init.body.message || 'the provider reported an error'}`, init);
    this.partial = init.partial;
    this.body = init.body;
  }
}

/** The stream ended with no finish reason and no `[DONE]`: the connection dropped mid-answer. */
export class ParleyIncompleteStreamError extends ParleyError {
  readonly kind = 'incomplete-stream' as const;
  override readonly name = 'ParleyIncompleteStreamError';
  /** Everything that arrived before the stream ended. */
  readonly partial: ChatCompletion;

  constructor(init: { partial: ChatCompletion } & ParleyErrorOptions) {
    super(init.message ?? 'The stream ended before the completion finished', init);
    this.partial = init.partial;
  }
}

/** A success status whose body is not what was asked for (not an event stream, not JSON). */
export class ParleyInvalidResponseError extends ParleyError {
  readonly kind = 'invalid-response' as const;
  override readonly name = 'ParleyInvalidResponseError';
  /** The response status, when there was a response. */
  readonly status: number | undefined;
  /** The response `content-type`, when there was a response. */
  readonly contentType: string | null | undefined;

  constructor(
    init: { status?: number | undefined; contentType?: string | null | undefined } & ParleyErrorOptions = {},
  ) {
    super(init.message ?? 'The server sent a response the client cannot read', init);
    this.status = init.status;
    this.contentType = init.contentType;
  }
}

/** The request parameters are invalid; detected before anything was sent. */
export class ParleyInvalidRequestError extends ParleyError {
  readonly kind = 'invalid-request' as const;
  override readonly name = 'ParleyInvalidRequestError';
  /** The offending parameter, as a path such as `messages[2].role`. */
  readonly param: string | undefined;

  constructor(init: { message: string; param?: string | undefined; cause?: unknown }) {
    super(init.message, init);
    this.param = init.param;
  }

  override toJSON(): Record<string, unknown> {
    return this.param === undefined ? super.toJSON() : { ...super.toJSON(), param: this.param };
  }
}

/** A server-sent event's `data` was not valid JSON. */
export class ParleyParseError extends ParleyError {
  readonly kind = 'parse' as const;
  override readonly name = 'ParleyParseError';
  /** The start of the data that failed to parse (at most 200 characters). */
  readonly data: string | undefined;

  constructor(init: { data?: string | undefined } & ParleyErrorOptions = {}) {
    super(init.message ?? 'A server-sent event carried data that is not JSON', init);
    this.data = init.data?.slice(0, 200);
  }
}

/** Whether `value` is one of Parley's typed errors. */
export function isParleyError(value: unknown): value is ParleyError {
  return value instanceof ParleyError;
}

function nonParleyKind(error: unknown, fallbackKind: ParleyErrorKind): ParleyErrorKind {
  const name = error instanceof Error || error instanceof DOMException ? error.name : undefined;
  if (name === 'AbortError') return 'abort';
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'SyntaxError') return 'parse';
  return fallbackKind;
}

/**
 * A serialisable summary of any thrown value, for chat state and UI. Values that are not Parley
 * errors get `fallbackKind` unless their name says abort, timeout or parse.
 */
export function toChatErrorInfo(error: unknown, fallbackKind: ParleyErrorKind = 'network'): ChatErrorInfo {
  if (!isParleyError(error)) {
    const message =
      error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
    return { kind: nonParleyKind(error, fallbackKind), message };
  }
  const info: ChatErrorInfo = { kind: error.kind, message: error.message };
  if (error instanceof ParleyHttpError) {
    info.status = error.status;
    if (error.body?.error.code !== undefined) info.code = error.body.error.code;
    if (error.retryAfterMs !== undefined) info.retryAfterMs = error.retryAfterMs;
    if (error.body?.error.metadata !== undefined) info.metadata = error.body.error.metadata;
    if (error.body) Object.assign(info, errorBodyDetails(error.body.error));
  } else if (error instanceof ParleyStreamError) {
    info.code = error.body.code;
    if (error.body.metadata !== undefined) info.metadata = error.body.metadata;
    Object.assign(info, errorBodyDetails(error.body));
  } else if (error instanceof ParleyInvalidResponseError && error.status !== undefined) {
    info.status = error.status;
  }
  return info;
}
