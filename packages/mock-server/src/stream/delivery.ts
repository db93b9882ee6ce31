import type { Scenario } from '../scenarios/parse.ts';

/** How one response is delivered: its pace and the stream scenario that interrupts it, if any. */
export interface Delivery {
  paceMs: number;
  slowStartMs: number;
  /** The stream's end, if a scenario ends it early. */
  interruption: Interruption | null;
  /** Its pauses, in the order given: each `hold` waits for its own release. */
  holds: Hold[];
  includeUsage: boolean;
}

export interface Interruption {
  kind: 'error-mid-stream' | 'drop' | 'stall';
  /** Tokens delivered before it happens. */
  after: number;
  message: string | null;
}

export interface Hold {
  /** Tokens delivered before the pause. */
  after: number;
  id: string;
  /** After a release, tokens until the next pause under the same id (`null`: no more pauses). */
  step: number | null;
}

const INTERRUPTIONS = new Set<string>(['error-mid-stream', 'drop', 'stall']);

export function toDelivery(scenarios: Scenario[], paceMs: number, includeUsage: boolean): Delivery {
  const slowStart = scenarios.find((scenario) => scenario.name === 'slow-start');
  const interrupting = scenarios.find((scenario) => INTERRUPTIONS.has(scenario.name));
  return {
    paceMs,
    slowStartMs: slowStart?.ms ?? 0,
    includeUsage,
    interruption: interrupting
      ? {
          kind: interrupting.name as Interruption['kind'],
          after: interrupting.after,
          message: interrupting.message,
        }
      : null,
    holds: scenarios
      .filter((scenario) => scenario.name === 'hold')
      .map((scenario) => ({ after: scenario.after, id: scenario.id, step: scenario.step })),
  };
}
