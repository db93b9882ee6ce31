/**
 * The streaming result of `chat.completions.create({ stream: true })`: an async iterable of typed
 * chunks that also assembles them, so whatever happens (an abort, a dropped connection, an error
 * chunk) the completion so far is never lost.
 */
import type { EventSourceMessage } from 'eventsource-parser';
import { createCompletionAccumulator } from './accumulator.ts';
import {
  ParleyAbortError,
  type ParleyError,
  ParleyIncompleteStreamError,
  ParleyInvalidResponseError,
  ParleyParseError,
  ParleyStreamError,
  ParleyTimeoutError,
} from './errors.ts';
import { redactJson } from './redact.ts';
import { BodyReader, createEventDecoder, DONE, toChunk } from './sse.ts';
import type { Attempt } from './transport.ts';
import type { ChatCompletion, ChatCompletionChunk } from './wire-types.ts';

/** A streamed chat completion: iterate it once for chunks, or await the assembled result. */
export interface ChatCompletionStream extends AsyncIterable<ChatCompletionChunk> {
  /** The HTTP response whose body is being streamed (status, headers such as the generation id). */
  readonly response: Response;
  /**
   * Resolves with the assembled completion once the stream ends, reading it to the end if nobody
   * iterates; rejects with the typed error that ended it (which carries the partial completion).
   */
  finalCompletion(): Promise<ChatCompletion>;
  /** The completion assembled so far, shaped like the non-streaming response. */
  currentCompletion(): ChatCompletion;
  /** Stops the stream and closes the connection; iteration then rejects with a {@link ParleyAbortError}. */
  abort(): void;
}

function withPartial(error: unknown, partial: ChatCompletion): ParleyError {
  if (error instanceof ParleyAbortError) return new ParleyAbortError({ partial, cause: error.cause });
  if (error instanceof ParleyTimeoutError) {
    return new ParleyTimeoutError({ partial, timeoutMs: error.timeoutMs });
  }
  if (error instanceof ParleyStreamError || error instanceof ParleyParseError) return error;
  if (error instanceof ParleyIncompleteStreamError) return error;
  // The body failed under us (connection reset, proxy cut): the answer is incomplete.
  return new ParleyIncompleteStreamError({ partial, cause: error });
}

class Stream implements ChatCompletionStream {
  readonly response: Response;
  readonly #attempt: Attempt;
  readonly #apiKey: string | undefined;
  readonly #accumulator = createCompletionAccumulator();
  readonly #final: Promise<ChatCompletion>;
  #settle!: (result: { ok: true; value: ChatCompletion } | { ok: false; error: ParleyError }) => void;
  #started = false;
  #settled = false;

  constructor(response: Response, attempt: Attempt, apiKey: string | undefined) {
    this.response = response;
    this.#attempt = attempt;
    this.#apiKey = apiKey;
    this.#final = new Promise<ChatCompletion>((resolve, reject) => {
      this.#settle = (result) => {
        if (this.#settled) return;
        this.#settled = true;
        if (result.ok) resolve(result.value);
        else reject(result.error);
      };
    });
    // Nobody may ever ask for the final completion; its rejection is not an unhandled error.
    this.#final.catch(() => {});
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatCompletionChunk> {
    if (this.#started) throw new Error('A ChatCompletionStream can be iterated only once');
    this.#started = true;
    return this.#run();
  }

  finalCompletion(): Promise<ChatCompletion> {
    if (!this.#started) {
      this.#started = true;
      void (async () => {
        for await (const _ of this.#run());
      })().catch(() => {});
    }
    return this.#final;
  }

  currentCompletion(): ChatCompletion {
    return this.#accumulator.snapshot();
  }

  abort(): void {
    this.#attempt.abort(new ParleyAbortError());
  }

  #fail(error: unknown): ParleyError {
    const typed = withPartial(this.#attempt.reason ?? error, this.#accumulator.snapshot());
    this.#settle({ ok: false, error: typed });
    return typed;
  }

  async *#run(): AsyncGenerator<ChatCompletionChunk, void, undefined> {
    const body = this.response.body;
    try {
      if (!body)
        throw new ParleyInvalidResponseError({
          status: this.response.status,
          message: 'The stream has no body',
        });
      // The body is read here, and every event of one read is handled synchronously, without a
      // promise of its own: per-event promises were most of the cost when reads are small.
      const source = new BodyReader(body, this.#attempt.signal);
      // Reused across reads, with a count: clearing an array (`length = 0`) is a runtime call,
      // and a stream in small reads makes one per read.
      const events: EventSourceMessage[] = [];
      let count = 0;
      const decoder = createEventDecoder((event) => {
        events[count++] = event;
      });
      let sawDone = false;
      try {
        reading: for (;;) {
          let result: ReadableStreamReadResult<Uint8Array>;
          try {
            result = source.accept(await source.readRaw());
          } catch (error) {
            throw source.failure(error);
          }
          // Keep-alive comments (`: OPENROUTER PROCESSING`, sent while a model queues or thinks)
          // produce no event, yet they keep a slow start from looking stalled: every read is progress.
          this.#attempt.touch();
          if (result.done) decoder.end();
          else decoder.push(result.value);
          for (let i = 0; i < count; i++) {
            const chunk = toChunk(events[i]!, this.#apiKey);
            if (chunk === DONE) {
              sawDone = true;
              break reading;
            }
            if (chunk === undefined) continue;
            this.#accumulator.add(chunk);
            if (chunk.error && typeof chunk.error === 'object') {
              const partial = this.#accumulator.snapshot();
              throw new ParleyStreamError({ partial, body: redactJson(chunk.error, this.#apiKey) });
            }
            yield chunk;
          }
          count = 0;
          if (result.done) break;
        }
      } finally {
        source.close();
      }
      this.#finish(sawDone);
    } catch (error) {
      throw this.#fail(error);
    } finally {
      // Reached with the stream unsettled only when the consumer left the loop early.
      if (!this.#settled) {
        this.#attempt.abort(new ParleyAbortError({ message: 'The stream was closed before it ended' }));
        this.#fail(this.#attempt.reason);
      }
      this.#attempt.dispose();
    }
  }

  #finish(sawDone: boolean): void {
    const completion = this.#accumulator.snapshot();
    const finished =
      completion.choices.length > 0 && completion.choices.every((c) => c.finish_reason != null);
    if (!sawDone && !finished) throw new ParleyIncompleteStreamError({ partial: completion });
    if (completion.choices.some((c) => c.finish_reason === 'error')) {
      throw new ParleyStreamError({
        partial: completion,
        body: { code: 'error', message: 'The provider ended the completion with finish_reason "error"' },
      });
    }
    this.#settle({ ok: true, value: completion });
  }
}

/** Wraps a streaming response whose attempt is still running; the stream disposes the attempt. */
export function createChatCompletionStream(
  response: Response,
  attempt: Attempt,
  apiKey: string | undefined,
): ChatCompletionStream {
  return new Stream(response, attempt, apiKey);
}
