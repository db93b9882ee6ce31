/**
 * Server-sent events for the chat completions stream. Framing (LF, CRLF and lone CR line ends,
 * comments, multi-line data, a leading BOM) is eventsource-parser's job; this module only feeds
 * it decoded text, maps events to chunks, skips non-message events and stops at `[DONE]`.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ParleyParseError } from './errors.ts';
import { parseJson, redactSecret } from './redact.ts';
import type { ChatCompletionChunk, ErrorBody } from './wire-types.ts';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Decodes bytes into events synchronously; see {@link createEventDecoder}. */
export interface EventDecoder {
  /** Decodes one read; complete events reach `onEvent` before this returns. */
  push(bytes: Uint8Array): void;
  /** Flushes the decoder at the end of the body (an event without its blank line is dropped). */
  end(): void;
}

/**
 * Decodes bytes into events synchronously: UTF-8 sequences split across reads are decoded whole,
 * the BOM is dropped, framing is eventsource-parser's, and an event still missing its blank line at
 * the end is discarded, as the standard says. Reading the body is left to the caller, so a consumer
 * can handle every event of one read without a promise per event.
 */
export function createEventDecoder(onEvent: (event: EventSourceMessage) => void): EventDecoder {
  const parser = createParser({ onEvent });
  const decoder = new TextDecoder('utf-8');
  let lastChar = '';
  const feed = (text: string) => {
    if (text === '') return;
    lastChar = text[text.length - 1]!;
    parser.feed(text);
  };
  return {
    push: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    end() {
      feed(decoder.decode());
      // A CR at the very end is a complete line end, but the parser waits to see whether an LF
      // follows; an LF completes it without ending any other line.
      if (lastChar === '\r') parser.feed('\n');
      lastChar = '';
    },
  };
}

/**
 * A body's reader tied to an abort signal: aborting cancels the body, so a pending read settles,
 * and every read from then on rejects with the signal's reason. `close()` releases the reader, and
 * cancels the body when it was not read to the end (a consumer's `break`, `[DONE]`, an error),
 * which closes the connection.
 */
export class BodyReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #signal: AbortSignal | undefined;
  /** Whether the signal has aborted; a field, as a getter on the signal costs more per read. */
  #aborted = false;
  readonly #onAbort = () => {
    this.#aborted = true;
    this.#reader.cancel(this.failure()).catch(() => {});
  };
  #finished = false;

  constructor(body: ReadableStream<Uint8Array>, signal?: AbortSignal) {
    this.#reader = body.getReader();
    this.#signal = signal;
    if (signal?.aborted) this.#onAbort();
    else signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * The next read, for a hot loop that awaits the body's own promise rather than one more async
   * function per read: pass what it rejects with through {@link failure}, and what it resolves
   * with through {@link accept} ({@link readBody} does both).
   */
  readRaw(): Promise<ReadableStreamReadResult<Uint8Array>> {
    return this.#reader.read();
  }

  /** A read's result, or the signal's reason (thrown) once it has aborted. */
  accept(result: ReadableStreamReadResult<Uint8Array>): ReadableStreamReadResult<Uint8Array> {
    if (this.#aborted) throw this.failure();
    if (result.done) this.#finished = true;
    return result;
  }

  /** What a failed read rejects with: the signal's reason once it has aborted, else `error`. */
  failure(error?: unknown): unknown {
    return this.#aborted && this.#signal ? abortReason(this.#signal) : error;
  }

  close(): void {
    this.#signal?.removeEventListener('abort', this.#onAbort);
    if (!this.#finished) this.#reader.cancel().catch(() => {});
    this.#reader.releaseLock();
  }
}

/** The next read of `source`; rejects with the signal's reason once it has aborted. */
export async function readBody(source: BodyReader): Promise<ReadableStreamReadResult<Uint8Array>> {
  let result: ReadableStreamReadResult<Uint8Array>;
  try {
    result = await source.readRaw();
  } catch (error) {
    throw source.failure(error);
  }
  return source.accept(result);
}

/**
 * The error an `event: error` carries: the `error` object of `{ "error": { ... } }` (OpenAI,
 * Anthropic), the payload itself when it is an object with a `message`, or the text as the message.
 */
function errorEventBody(data: string): ErrorBody['error'] {
  const parsed = parseJson(data);
  const value = parsed.ok ? parsed.value : undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const inner = (value as { error?: unknown }).error;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
      return inner as ErrorBody['error'];
    if (typeof (value as { message?: unknown }).message === 'string') return value as ErrorBody['error'];
  }
  return { code: 'error', message: data };
}

/**
 * DeepSeek, vLLM and others name the reasoning delta `reasoning_content`; it is copied to
 * `reasoning` (when that is absent) so every consumer reads one field.
 */
function normaliseReasoning(chunk: ChatCompletionChunk): void {
  const choices = chunk.choices;
  if (!Array.isArray(choices)) return;
  for (const choice of choices) {
    const delta = choice?.delta;
    if (delta && delta.reasoning == null && typeof delta.reasoning_content === 'string') {
      delta.reasoning = delta.reasoning_content;
    }
  }
}

/** {@link toChunk}'s answer for `[DONE]`. */
export const DONE = Symbol('[DONE]');

/**
 * What one event means: a chunk, {@link DONE}, or undefined for an event to skip. An event with
 * no data (`data:` or a bare `data` line) is skipped; an `event: error` becomes a chunk carrying
 * its `error`, as OpenRouter reports a failure mid-stream (the stream redacts every error body it
 * throws); events of another type than `message` are skipped; any other data must be a JSON object
 * or a {@link ParleyParseError} is thrown, with `secret` (the API key) redacted from everything it
 * keeps before the data is cut short.
 *
 * This is the hot path of every stream, so it allocates nothing beyond the parsed chunk: the rare
 * `[DONE]` and empty data are told apart only once JSON.parse has refused them.
 */
export function toChunk(
  event: { event?: string | undefined; data: string },
  secret?: string,
): ChatCompletionChunk | typeof DONE | undefined {
  const data = event.data;
  const type = event.event;
  if (type !== undefined && type !== 'message') {
    return type === 'error' ? ({ error: errorEventBody(data) } as ChatCompletionChunk) : undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    const trimmed = data.trim();
    if (trimmed === '') return undefined;
    if (trimmed === '[DONE]') return DONE;
    const parsed = parseJson(data, secret);
    throw new ParleyParseError({
      data: parsed.ok ? redactSecret(data, secret) : parsed.redacted,
      cause: parsed.ok ? undefined : parsed.cause,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParleyParseError({
      data: redactSecret(data, secret),
      message: 'A server-sent event carried JSON that is not an object',
    });
  }
  normaliseReasoning(value as ChatCompletionChunk);
  return value as ChatCompletionChunk;
}
