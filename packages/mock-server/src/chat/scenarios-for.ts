import type { ChatRequest } from '../generate/turn.ts';
import { SCENARIOS } from '../scenarios/catalog.ts';
import { parseScenarios, type Scenario } from '../scenarios/parse.ts';
import type { SimulatorState } from '../state.ts';

export const SCENARIO_HEADER = 'x-parley-scenario';

/** The scenarios of a request: its header, then `metadata.parley_scenario`, then the standing ones. */
export function scenariosFor(request: Request, params: ChatRequest, state: SimulatorState): Scenario[] {
  const header = request.headers.get(SCENARIO_HEADER);
  const metadata = params.metadata?.parley_scenario;
  return [
    ...(header ? parseScenarios(header, SCENARIO_HEADER) : []),
    ...(metadata ? parseScenarios(metadata, 'metadata.parley_scenario') : []),
    ...(state.standing?.scenarios ?? []),
  ];
}

export function kindOf(scenario: Scenario) {
  return SCENARIOS[scenario.name].kind;
}
