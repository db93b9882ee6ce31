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

/** One dispatched server-sent event; `event` is absent for the default `message` type. */
export interface ServerSentEvent {
  event?: string;
  data: string;
  id?: string;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Decodes a byte stream into server-sent events. UTF-8 sequences split across reads are decoded
 * whole, the BOM is dropped, and an event still missing its blank line at the end is discarded,
 * as the standard says. Aborting `signal` cancels the body and rejects with `signal.reason`.
 */
export async function* decodeServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const queue: ServerSentEvent[] = [];
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const event: ServerSentEvent = { data: message.data };
      if (message.event !== undefined) event.event = message.event;
      if (message.id !== undefined) event.id = message.id;
      queue.push(event);
    },
  });
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal ? abortReason(signal) : undefined).catch(() => {});
  };
  if (signal?.aborted) {
    onAbort();
    throw abortReason(signal);
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  let lastChar = '';
  let finished = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        throw error;
      }
      if (signal?.aborted) throw abortReason(signal);
      if (result.done) break;
      const text = decoder.decode(result.value, { stream: true });
      if (text === '') continue;
      lastChar = text[text.length - 1]!;
      parser.feed(text);
      while (queue.length > 0) yield queue.shift()!;
    }
    const rest = decoder.decode();
    if (rest !== '') {
      lastChar = rest[rest.length - 1]!;
      parser.feed(rest);
    }
    // A CR at the very end is a complete line end, but the parser waits to see whether an LF
    // follows; an LF completes it without ending any other line.
    if (lastChar === '\r') parser.feed('\n');
    finished = true;
    while (queue.length > 0) yield queue.shift()!;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Leaving early (a consumer's `break`, `[DONE]`, an error) must close the connection.
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/** What one event means for a chat completion stream. */
export type ChunkEventResult =
  | { type: 'chunk'; chunk: ChatCompletionChunk }
  | { type: 'done' }
  | { type: 'ignored' };

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

/**
 * Interprets one event: `[DONE]` ends the stream; an event with no data (`data:` or a bare `data`
 * line) is skipped; an `event: error` becomes a chunk carrying its `error`, as OpenRouter reports a
 * failure mid-stream; events of another type than `message` are ignored; any other data must be a
 * JSON object or a {@link ParleyParseError} is thrown. `secret` (the API key) is redacted from
 * everything a parse error keeps, before the data is cut short. The error chunk is not redacted
 * here: the stream redacts every error body it throws.
 */
export function parseChunkEvent(event: ServerSentEvent, secret?: string): ChunkEventResult {
  const data = event.data;
  if (event.event === 'error') {
    return { type: 'chunk', chunk: { error: errorEventBody(data) } as ChatCompletionChunk };
  }
  if (event.event !== undefined && event.event !== 'message') return { type: 'ignored' };
  const trimmed = data.trim();
  if (trimmed === '') return { type: 'ignored' };
  if (trimmed === '[DONE]') return { type: 'done' };
  const parsed = parseJson(data, secret);
  if (!parsed.ok) throw new ParleyParseError({ data: parsed.redacted, cause: parsed.cause });
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ParleyParseError({
      data: redactSecret(data, secret),
      message: 'A server-sent event carried JSON that is not an object',
    });
  }
  normaliseReasoning(value as ChatCompletionChunk);
  return { type: 'chunk', chunk: value as ChatCompletionChunk };
}

/**
 * Maps server-sent events to typed chunks until `[DONE]`. The generator's return value says
 * whether `[DONE]` was seen, which tells a finished stream from one that was cut off. An
 * `event: error` is yielded as a chunk carrying `error`, as the stream reports it.
 */
export async function* parseChunkEvents(
  events: AsyncIterable<ServerSentEvent>,
  secret?: string,
): AsyncGenerator<ChatCompletionChunk, { done: boolean }, undefined> {
  for await (const event of events) {
    const result = parseChunkEvent(event, secret);
    if (result.type === 'done') return { done: true };
    if (result.type === 'chunk') yield result.chunk;
  }
  return { done: false };
}
