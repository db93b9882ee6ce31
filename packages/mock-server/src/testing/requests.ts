/** A representative request for each simulated model, used by the conformance and load tests. */
import type { Body } from './harness.ts';

export const WEATHER_TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: {
        type: 'object',
        properties: {
          city: { type: 'string', minLength: 1 },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        },
        required: ['city'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'Current local time for a timezone',
      parameters: {
        type: 'object',
        properties: { timezone: { type: 'string' } },
        required: ['timezone'],
        additionalProperties: false,
      },
    },
  },
];

// A 1×1 PNG.
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const TRIP_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'integer', minimum: 1, maximum: 14 },
    activities: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
  required: ['city', 'days', 'activities'],
  additionalProperties: false,
};

export const MODEL_REQUESTS: Record<string, Body> = {
  'parley/echo': {
    model: 'parley/echo',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Tell me about the sea?' },
    ],
    logprobs: true,
    top_logprobs: 2,
  },
  'parley/reasoner': {
    model: 'parley/reasoner',
    messages: [{ role: 'user', content: 'Why is the sky blue?' }],
    reasoning: { effort: 'high', summary: 'auto' },
  },
  'parley/tool-caller': {
    model: 'parley/tool-caller',
    messages: [{ role: 'user', content: 'What is the weather in Paris and Rome?' }],
    tools: WEATHER_TOOLS,
  },
  'parley/vision': {
    model: 'parley/vision',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}`, detail: 'low' } },
          { type: 'input_audio', input_audio: { data: 'SUQzBAAAAAAA', format: 'mp3' } },
          { type: 'video_url', video_url: { url: 'https://example.com/clip.mp4' } },
        ],
      },
    ],
  },
  'parley/structured': {
    model: 'parley/structured',
    messages: [{ role: 'user', content: 'Plan 3 days in Lisbon' }],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'trip', strict: true, schema: TRIP_SCHEMA },
    },
  },
};

/** Every scenario that answers with an HTTP error instead of a completion, and its status. */
export const HTTP_SCENARIOS = [
  ['rate-limit', 429],
  ['server-error', 500],
  ['bad-gateway', 502],
  ['unavailable', 503],
  ['insufficient-credits', 402],
  ['moderation', 403],
  ['timeout', 408],
  ['upstream-timeout', 524],
] as const;
