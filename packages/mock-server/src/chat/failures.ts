import { SimulatorError } from '../http/errors.ts';
import type { Attempt } from '../routing/route.ts';
import { type HttpFailure, SCENARIOS } from '../scenarios/catalog.ts';
import type { Scenario } from '../scenarios/parse.ts';

/** The HTTP error an `http` scenario produces for one attempt, named after its model and provider. */
export function toFailure(scenario: Scenario, attempt: Attempt, userText: string): SimulatorError {
  const definition = SCENARIOS[scenario.name] as HttpFailure;
  const where = { model: attempt.entry.model.id, provider: attempt.endpoint.provider_name };
  const headers: Record<string, string> = {};
  if (definition.status === 429) {
    headers['retry-after'] = String(scenario.retryAfterSeconds);
    if (scenario.retryAfterMs !== null) headers['retry-after-ms'] = String(scenario.retryAfterMs);
  }
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
