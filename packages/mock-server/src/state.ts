import { ReasonerMemory } from './generate/reasoner-memory.ts';
import type { ResolvedOptions } from './options.ts';
import { HoldRegistry } from './scenarios/holds.ts';
import type { Scenario } from './scenarios/parse.ts';
import { ScenarioCounters } from './scenarios/select.ts';

/** What one simulator instance remembers between requests. */
export interface SimulatorState {
  options: ResolvedOptions;
  counters: ScenarioCounters;
  holds: HoldRegistry;
  memory: ReasonerMemory;
  /** Scenarios set through `POST /api/v1/_parley/scenario`, applied to every chat request. */
  standing: { text: string; scenarios: Scenario[] } | null;
  /** Makes response ids unique without Math.random. */
  sequence: number;
  /** The last chat request bodies received (valid or not), newest last, for `GET /_parley/requests`. */
  received: ReceivedRequest[];
}

/** A chat request as the simulator received it, with the `x-parley-tag` header that groups a test's requests. */
export interface ReceivedRequest {
  tag: string | null;
  body: unknown;
}

// Enough for any one test's requests while a suite runs against one simulator, small enough to never matter.
export const RECEIVED_LIMIT = 500;

/** Keeps a received request, forgetting the oldest past {@link RECEIVED_LIMIT}. */
export function recordRequest(state: SimulatorState, request: ReceivedRequest): void {
  state.received.push(request);
  if (state.received.length > RECEIVED_LIMIT)
    state.received.splice(0, state.received.length - RECEIVED_LIMIT);
}

export function createState(options: ResolvedOptions): SimulatorState {
  return {
    options,
    counters: new ScenarioCounters(),
    holds: new HoldRegistry(),
    memory: new ReasonerMemory(),
    standing: null,
    sequence: 0,
    received: [],
  };
}
