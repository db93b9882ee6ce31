/**
 * Every request field and every union branch the spec defines is accepted. The lists of fields and
 * branches come from the spec itself, so a field the spec gains fails here until it is tried.
 */
import { describe, expect, it } from 'vitest';
import { type Body, expectChatResponse, postChat, user, useSimulator } from '../testing/harness.ts';
import { PNG_BASE64, TRIP_SCHEMA, WEATHER_TOOLS } from '../testing/requests.ts';
import { specJsonSchemas } from '../validation/spec-validator.ts';

const simulator = useSimulator();

interface JsonSchema {
  $ref?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
}

const schemas = specJsonSchemas() as Record<string, JsonSchema>;
const resolve = (schema: JsonSchema): JsonSchema =>
  schema.$ref ? resolve(schemas[schema.$ref.split('/').at(-1) ?? ''] ?? {}) : schema;
const propertiesOf = (name: string) => Object.keys(schemas[name]?.properties ?? {}).sort();
/** The constant of `field` in each branch of a union schema: the roles of Message, the types of a content part. */
const branchesOf = (name: string, field: string) =>
  (schemas[name]?.anyOf ?? []).map((branch) => resolve(branch).properties?.[field]?.enum?.[0]).sort();

async function expectAccepted(body: Body) {
  const response = await postChat(simulator().baseURL, body);
  const json = await response.json();
  expect(response.status, JSON.stringify(json)).toBe(200);
  expectChatResponse(json);
  return json;
}

const EVERY_FIELD: Body = {
  model: 'parley/tool-caller',
  models: ['parley/echo'],
  messages: [user('What is the weather in Oslo?')],
  provider: { sort: 'price' },
  plugins: [{ id: 'web', max_results: 2 }],
  route: 'fallback',
  user: 'user-1',
  session_id: 'session-1',
  frequency_penalty: 0.5,
  presence_penalty: -0.5,
  logit_bias: { '50256': -100 },
  logprobs: true,
  top_logprobs: 2,
  max_completion_tokens: 400,
  max_tokens: 400,
  metadata: { purpose: 'test' },
  reasoning: { effort: 'low', summary: 'concise' },
  response_format: { type: 'text' },
  seed: 7,
  stop: ['\n\n\n'],
  stream: false,
  stream_options: { include_usage: true },
  temperature: 0.2,
  tool_choice: 'auto',
  tools: WEATHER_TOOLS,
  top_p: 0.9,
  debug: { echo_upstream_body: false },
};

const EVERY_PROVIDER_PREFERENCE = {
  allow_fallbacks: true,
  require_parameters: false,
  data_collection: 'deny',
  zdr: true,
  enforce_distillable_text: false,
  order: ['Parley', 'OpenAI'],
  only: ['Parley', 'Mynah'],
  ignore: ['Lyrebird'],
  quantizations: ['bf16', 'fp16'],
  sort: { by: 'latency', partition: 'none' },
  max_price: { prompt: 1, completion: '2' },
  preferred_min_throughput: 10,
  preferred_max_latency: 5,
  min_throughput: 1,
  max_latency: 10,
};

const EVERY_ROLE: Record<string, Body> = {
  system: { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
  developer: { role: 'developer', content: 'Answer in English.', name: 'dev' },
  user: { role: 'user', content: 'Hello', name: 'ada' },
  assistant: { role: 'assistant', content: null, refusal: null, reasoning: 'Thinking.' },
  tool: { role: 'tool', tool_call_id: 'call_1', content: '{"temp":12}' },
};

const EVERY_CONTENT_PART: Record<string, Body> = {
  text: { type: 'text', text: 'What did I send?', cache_control: { type: 'ephemeral', ttl: '1h' } },
  image_url: { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}`, detail: 'auto' } },
  input_audio: { type: 'input_audio', input_audio: { data: 'SUQzBAAAAAAA', format: 'mp3' } },
  input_video: { type: 'input_video', video_url: { url: 'https://example.com/clip.webm' } },
  video_url: { type: 'video_url', video_url: { url: 'data:video/mp4;base64,AAAAGGZ0eXBtcDQy' } },
};

const EVERY_PLUGIN: Record<string, Body> = {
  moderation: { id: 'moderation' },
  web: { id: 'web', enabled: true, max_results: 3, search_prompt: 'Sources:', engine: 'native' },
  'file-parser': { id: 'file-parser', enabled: true, pdf: { engine: 'pdf-text' } },
  'response-healing': { id: 'response-healing', enabled: true },
};

const EVERY_RESPONSE_FORMAT: Record<string, Body> = {
  text: { type: 'text' },
  json_object: { type: 'json_object' },
  json_schema: { type: 'json_schema', json_schema: { name: 'trip', strict: true, schema: TRIP_SCHEMA } },
  grammar: { type: 'grammar', grammar: 'root ::= "yes" | "no"' },
  python: { type: 'python' },
};

describe('every request field of the spec', () => {
  it('lists every field, preference and branch the spec has', () => {
    expect(Object.keys(EVERY_FIELD).sort()).toEqual(propertiesOf('ChatGenerationParams'));
    expect(Object.keys(EVERY_PROVIDER_PREFERENCE).sort()).toEqual(
      propertiesOf('ChatGenerationParamsProvider'),
    );
    expect(Object.keys(EVERY_ROLE).sort()).toEqual(branchesOf('Message', 'role'));
    expect(Object.keys(EVERY_CONTENT_PART).sort()).toEqual(branchesOf('ChatMessageContentItem', 'type'));
    expect(Object.keys(EVERY_PLUGIN).sort()).toEqual(branchesOf('ChatGenerationParamsPluginsItems', 'id'));
    expect(Object.keys(EVERY_RESPONSE_FORMAT).sort()).toEqual(
      branchesOf('ChatGenerationParamsResponseFormat', 'type'),
    );
  });

  it('accepts a request that uses every field at once', async () => {
    const json = await expectAccepted(EVERY_FIELD);
    expect(json.model).toBe('parley/tool-caller');
    expect(json.choices[0]?.message.tool_calls?.[0]?.function.name).toBe('get_weather');
  });

  it('accepts every provider preference at once, and routes by them', async () => {
    const json = await expectAccepted({
      model: 'parley/echo',
      messages: [user('Route me')],
      provider: EVERY_PROVIDER_PREFERENCE,
    });
    // Only Parley keeps no data and runs bf16 or fp16 among the allowed providers.
    expect(json.provider).toBe('Parley');
  });

  it('accepts a conversation with every role', async () => {
    const { tool, assistant, ...opening } = EVERY_ROLE;
    const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } };
    await expectAccepted({
      model: 'parley/tool-caller',
      tools: WEATHER_TOOLS,
      messages: [...Object.values(opening), { ...assistant, tool_calls: [call] }, tool],
    });
  });

  it('accepts every content part on a model that takes every modality', async () => {
    const json = await expectAccepted({
      model: 'parley/vision',
      messages: [user(Object.values(EVERY_CONTENT_PART) as unknown as string)],
    });
    expect(json.choices[0]?.message.content).toMatch(/image/i);
  });

  it.each(Object.entries(EVERY_PLUGIN))('accepts the %s plugin', async (_id, plugin) => {
    await expectAccepted({ model: 'parley/echo', messages: [user('Hi')], plugins: [plugin] });
  });

  it.each(Object.entries(EVERY_RESPONSE_FORMAT))('accepts response_format %s', async (_type, format) => {
    await expectAccepted({
      model: 'parley/structured',
      messages: [user('Plan 2 days in Oslo')],
      response_format: format,
    });
  });
});
