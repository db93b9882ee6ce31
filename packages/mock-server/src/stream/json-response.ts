import { jsonResponse, SimulatorError } from '../http/errors.ts';
import { type RenderedTurn, toCompletion } from '../respond/render.ts';
import type { HoldRegistry } from '../scenarios/holds.ts';
import type { Delivery } from './delivery.ts';
import { sleep, untilAborted } from './timing.ts';

// A non-streamed answer waits as long as its tokens would take, up to this, so demos stay snappy.
const MAX_JSON_DELAY_MS = 3000;

/**
 * The non-streaming answer, with the stream scenarios translated: `slow-start` and `pace` delay
 * it, `hold` waits for a release, `stall` never answers, `drop` cuts the connection
 * (`Response.error()`, which adapters turn into a reset), and `error-mid-stream` becomes the 502
 * that OpenRouter returns when an upstream fails during generation.
 */
export async function deliverJson(
  rendered: RenderedTurn,
  delivery: Delivery,
  holds: HoldRegistry,
  signal: AbortSignal,
  headers: Record<string, string>,
): Promise<Response> {
  await sleep(delivery.slowStartMs, signal);
  // Answered whole, so every pause comes before the answer, one release each, in order.
  for (const pause of delivery.holds) await holds.wait(pause.id, signal);
  const interruption = delivery.interruption;
  switch (interruption?.kind) {
    case 'drop':
      return Response.error();
    case 'stall':
      await untilAborted(signal);
      return Response.error();
    case 'error-mid-stream':
      throw new SimulatorError({
        status: 502,
        code: 'provider_error',
        type: 'provider_error',
        message:
          interruption.message ?? `Provider returned error: ${rendered.provider} failed during generation.`,
        metadata: { provider_name: rendered.provider },
        headers,
      });
  }
  await sleep(Math.min(rendered.usage.completion_tokens * delivery.paceMs, MAX_JSON_DELAY_MS), signal);
  if (signal.aborted) return Response.error();
  return jsonResponse(toCompletion(rendered), 200, headers);
}
