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
}

export function createState(options: ResolvedOptions): SimulatorState {
  return {
    options,
    counters: new ScenarioCounters(),
    holds: new HoldRegistry(),
    memory: new ReasonerMemory(),
    standing: null,
    sequence: 0,
  };
}
