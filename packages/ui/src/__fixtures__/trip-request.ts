import type { JsonSchema } from '@parley/client/chat';

/** The schema of a trip plan, as an app would send it in `response_format`. */
export const TRIP_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'integer', minimum: 1, maximum: 14 },
    activities: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  required: ['city', 'days', 'activities'],
  additionalProperties: false,
};

/** A `json_schema` request to the simulator's structured model, failing as `scenario` says. */
export const tripRequest = (scenario = 'none') => ({
  model: 'parley/structured',
  messages: [{ role: 'user' as const, content: 'Plan 3 days in Lisbon' }],
  response_format: {
    type: 'json_schema' as const,
    json_schema: { name: 'trip', strict: true, schema: TRIP_SCHEMA },
  },
  metadata: { parley_scenario: scenario },
});
