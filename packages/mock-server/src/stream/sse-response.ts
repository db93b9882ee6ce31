import type { ChatCompletionChunk } from '@parley/client';
import { chunkOf, type RenderedTurn, toStreamSteps } from '../respond/render.ts';
import type { HoldRegistry } from '../scenarios/holds.ts';
import type { Delivery } from './delivery.ts';
import { sleep, untilAborted } from './timing.ts';

/** OpenRouter's keep-alive comment, sent while the upstream has not produced a token yet. */
export const PROCESSING_COMMENT = ': OPENROUTER PROCESSING\n\n';
// How often keep-alives repeat during a slow start.
const KEEP_ALIVE_INTERVAL_MS = 250;
// A reasoning model pauses before its first thought for this many token times.
const THINKING_PAUSE_TOKENS = 4;
// A real drop happens after the data reached the client. Cutting at once, at pace 0, lands the
// reset with the last chunks, and fetch (undici, Chromium) discards what its reader has not taken
// yet, so the client would see an empty partial. A reader that renders between chunks takes a
// few chunks in this time.
const DROP_GRACE_MS = 100;

/** The error a `drop` scenario puts in the body stream; adapters turn it into a cut connection. */
export class DroppedConnection extends TypeError {
  constructor() {
    super('terminated: the simulator dropped the connection (scenario drop)');
    this.name = 'DroppedConnection';
  }
}

/**
 * A `text/event-stream` Response of `chat.completion.chunk` events, one chunk per pull so the
 * consumer's reading paces the work, with `: OPENROUTER PROCESSING` comments, the finish chunk,
 * an optional usage chunk with empty `choices`, and `data: [DONE]`.
 */
export function streamResponse(
  rendered: RenderedTurn,
  delivery: Delivery,
  holds: HoldRegistry,
  headers: Record<string, string>,
): Response {
  const abort = new AbortController();
  const encoder = new TextEncoder();
  const events = produce(rendered, delivery, holds, abort.signal);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await events.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
      ...headers,
    },
  });
}

const data = (chunk: ChatCompletionChunk) => `data: ${JSON.stringify(chunk)}\n\n`;

async function* produce(
  rendered: RenderedTurn,
  delivery: Delivery,
  holds: HoldRegistry,
  signal: AbortSignal,
): AsyncGenerator<string> {
  yield PROCESSING_COMMENT;
  for (let waited = 0; waited < delivery.slowStartMs; waited += KEEP_ALIVE_INTERVAL_MS) {
    await sleep(Math.min(KEEP_ALIVE_INTERVAL_MS, delivery.slowStartMs - waited), signal);
    if (signal.aborted) return;
    yield PROCESSING_COMMENT;
  }
  const interruption = delivery.interruption;
  // The pauses still ahead, earliest first (a stepping hold adds its next pause after each release).
  const pauses = [...delivery.holds].sort((a, b) => a.after - b.after);
  let tokens = 0;

  // Runs before each token, and once at the end (where a point past the last token counts as
  // reached, so the scenario is always seen); returns false when the stream must end here.
  async function* interrupt(atEnd: boolean): AsyncGenerator<string, boolean> {
    while (pauses[0] && (tokens >= pauses[0].after || atEnd)) {
      const pause = pauses.shift() as (typeof pauses)[number];
      await holds.wait(pause.id, signal);
      if (signal.aborted) return false;
      if (pause.step !== null && !atEnd) {
        pauses.push({ ...pause, after: tokens + pause.step });
        pauses.sort((a, b) => a.after - b.after);
      }
    }
    if (!interruption) return true;
    if (tokens < interruption.after && !atEnd) return true;
    if (interruption.kind === 'drop') {
      await sleep(DROP_GRACE_MS, signal);
      throw new DroppedConnection();
    }
    if (interruption.kind === 'stall') {
      await untilAborted(signal);
      return false;
    }
    yield data(
      chunkOf(
        rendered,
        [{ index: 0, delta: { content: '' }, finish_reason: 'error', native_finish_reason: 'error' }],
        {
          error: {
            code: 'provider_error',
            message:
              interruption.message ??
              `The simulated provider ${rendered.provider} failed mid-stream after ${tokens} tokens (scenario error-mid-stream).`,
            metadata: { provider_name: rendered.provider },
          },
        },
      ),
    );
    return false;
  }

  for (const step of toStreamSteps(rendered)) {
    if (step.token) {
      if (!(yield* interrupt(false))) return;
      if (step.thinking && delivery.paceMs > 0) {
        yield PROCESSING_COMMENT;
        await sleep(delivery.paceMs * THINKING_PAUSE_TOKENS, signal);
      }
      await sleep(delivery.paceMs, signal);
      if (signal.aborted) return;
      tokens++;
    }
    yield data(
      chunkOf(rendered, [
        {
          index: 0,
          delta: step.delta,
          finish_reason: null,
          ...(step.logprobs ? { logprobs: { content: step.logprobs, refusal: null } } : {}),
        },
      ]),
    );
  }
  if (!(yield* interrupt(true))) return;
  const finish = rendered.turn.finishReason;
  yield data(
    chunkOf(rendered, [{ index: 0, delta: {}, finish_reason: finish, native_finish_reason: finish }]),
  );
  if (delivery.includeUsage) yield data(chunkOf(rendered, [], { usage: rendered.usage }));
  yield 'data: [DONE]\n\n';
}
