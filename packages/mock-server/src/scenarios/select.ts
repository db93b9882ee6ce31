import type { Scenario } from './parse.ts';

/**
 * Counts `times=N` scenarios per `key`, so that "429 then success" works across retries: the
 * first N requests carrying the key fail, later ones pass. Counters live as long as the simulator.
 */
export class ScenarioCounters {
  readonly #counts = new Map<string, number>();

  /** Whether the scenario fires now; a firing `times` scenario uses up one of its N. */
  fire(scenario: Scenario): boolean {
    if (scenario.times === null) return true;
    const used = this.#counts.get(scenario.key) ?? 0;
    if (used >= scenario.times) return false;
    this.#counts.set(scenario.key, used + 1);
    return true;
  }

  reset(): void {
    this.#counts.clear();
  }
}

/** Whether a scenario is aimed at this model and provider (no `model`/`provider` filter: at every attempt). */
export function targets(scenario: Scenario, model: string, provider: string): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (
    scenario.model !== null &&
    !same(scenario.model, model) &&
    !same(scenario.model, model.split(':')[0] ?? '')
  )
    return false;
  if (scenario.provider !== null && !same(scenario.provider, provider)) return false;
  return true;
}

export function isFiltered(scenario: Scenario): boolean {
  return scenario.model !== null || scenario.provider !== null;
}
