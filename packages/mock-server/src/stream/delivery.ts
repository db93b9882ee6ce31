import type { Scenario } from '../scenarios/parse.ts';

/** How one response is delivered: its pace and the stream scenario that interrupts it, if any. */
export interface Delivery {
  paceMs: number;
  slowStartMs: number;
  interruption: Interruption | null;
  includeUsage: boolean;
}

export interface Interruption {
  kind: 'error-mid-stream' | 'drop' | 'stall' | 'hold';
  /** Tokens delivered before it happens. */
  after: number;
  holdId: string;
  holdStep: number | null;
  message: string | null;
}

const INTERRUPTIONS = new Set<string>(['error-mid-stream', 'drop', 'stall', 'hold']);

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
          holdId: interrupting.id,
          holdStep: interrupting.step,
          message: interrupting.message,
        }
      : null,
  };
}
