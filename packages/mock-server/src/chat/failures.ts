import { SimulatorError } from '../http/errors.ts';
import type { Attempt } from '../routing/route.ts';
import { type HttpFailure, SCENARIOS } from '../scenarios/catalog.ts';
import type { Scenario } from '../scenarios/parse.ts';

/** The HTTP error an `http` scenario produces for one attempt, named after its model and provider. */
export function toFailure(scenario: Scenario, attempt: Attempt, userText: string): SimulatorError {
  const definition = SCENARIOS[scenario.name] as HttpFailure;
  const where = { model: attempt.entry.model.id, provider: attempt.endpoint.provider_name };
  const headers: Record<string, string> = {};
  // A 429 always says when to come back (1 s unless told); other failures only when the scenario
  // asks, as a gateway answering a timeout (408, 524) or an outage (503) sometimes does.
  const retryAfter = scenario.retryAfterSeconds ?? (definition.status === 429 ? 1 : null);
  if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
  if (scenario.retryAfterMs !== null) headers['retry-after-ms'] = String(scenario.retryAfterMs);
  return new SimulatorError({
    status: definition.status,
    code: definition.code,
    type: definition.type,
    message: scenario.message ?? definition.message(where),
    headers,
    metadata: {
      provider_name: where.provider,
      scenario: scenario.name,
      ...definition.metadata?.({ userText }),
    },
  });
}
