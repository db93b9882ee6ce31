/**
 * The readable wire type names are the public vocabulary of the package: each is imported here from
 * the package entry and used in a value the spec allows, so a missing or mis-aimed name fails the
 * type check, and the values cross a real socket unchanged.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { components } from './generated/openapi.ts';
import type {
  AssistantMessage,
  AudioContentPart,
  CacheControl,
  ChatCompletion,
  ChatCompletionParams,
  ChatGenerationParams,
  DeveloperMessage,
  ErrorBody,
  ImageContentPart,
  InputVideoContentPart,
  Message,
  MessageRole,
  Plugin,
  ProviderPreferences,
  ReasoningDetail,
  ReasoningEncryptedDetail,
  ReasoningSummaryDetail,
  ReasoningTextDetail,
  ResponseFormat,
  SystemMessage,
  TextContentPart,
  ToolCall,
  ToolDefinition,
  ToolMessage,
  Usage,
  UserMessage,
  VideoUrlContentPart,
} from './index.ts';
import { createParleyClient, ParleyHttpError } from './index.ts';
import {
  createFakeScheduler,
  rejection,
  sendJson,
  startTestServer,
  type TestServer,
} from './testing/test-server.ts';

type Schemas = components['schemas'];

const cacheControl: CacheControl = { type: 'ephemeral' };
const text: TextContentPart = { type: 'text', text: 'Describe these.', cache_control: cacheControl };
const image: ImageContentPart = {
  type: 'image_url',
  image_url: { url: 'https://example.com/a.png', detail: 'low' },
};
const audio: AudioContentPart = { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } };
const inputVideo: InputVideoContentPart = {
  type: 'input_video',
  video_url: { url: 'data:video/mp4;base64,AAAA' },
};
const videoUrl: VideoUrlContentPart = { type: 'video_url', video_url: { url: 'https://example.com/v.mp4' } };

const toolCall: ToolCall = {
  id: 'call_1',
  type: 'function',
  function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
};
const reasoningText: ReasoningTextDetail = {
  type: 'reasoning.text',
  text: 'Weather needs a tool.',
  signature: 'sig==',
  format: 'anthropic-claude-v1',
  index: 0,
};
const reasoningSummary: ReasoningSummaryDetail = { type: 'reasoning.summary', summary: 'Plan', index: 1 };
const reasoningEncrypted: ReasoningEncryptedDetail = { type: 'reasoning.encrypted', data: 'AAAA', index: 2 };
const reasoningDetails: ReasoningDetail[] = [reasoningText, reasoningSummary, reasoningEncrypted];

const system: SystemMessage = { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] };
const developer: DeveloperMessage = { role: 'developer', content: 'Answer in French.' };
const user: UserMessage = { role: 'user', content: [text, image, audio, inputVideo, videoUrl] };
const assistant: AssistantMessage = {
  role: 'assistant',
  content: null,
  tool_calls: [toolCall],
  reasoning_details: reasoningDetails,
};
const tool: ToolMessage = { role: 'tool', tool_call_id: 'call_1', content: '{"celsius":21}' };
const messages: Message[] = [system, developer, user, assistant, tool];

const weatherTool: ToolDefinition = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const provider: ProviderPreferences = {
  order: ['Anthropic', 'a-provider-not-in-the-enum'],
  allow_fallbacks: false,
  data_collection: 'deny',
  sort: 'price',
  max_price: { prompt: 1, completion: '2' },
};
const plugins: Plugin[] = [{ id: 'web', max_results: 3 }, { id: 'moderation' }];
const responseFormat: ResponseFormat = {
  type: 'json_schema',
  json_schema: { name: 'weather', schema: { type: 'object' }, strict: true },
};

const request: ChatCompletionParams = {
  model: 'anthropic/claude-sonnet-4',
  models: ['openai/gpt-4.1'],
  messages,
  tools: [weatherTool],
  tool_choice: 'auto',
  provider,
  plugins,
  response_format: responseFormat,
  reasoning: { effort: 'high' },
  stream_options: { include_usage: true },
  max_tokens: 100,
};

const usage: Usage = {
  prompt_tokens: 10,
  completion_tokens: 5,
  total_tokens: 15,
  completion_tokens_details: { reasoning_tokens: 2 },
  cost: 0.0001,
};
const completion: ChatCompletion = {
  id: 'gen-names',
  object: 'chat.completion',
  created: 1764100000,
  model: 'anthropic/claude-sonnet-4',
  choices: [
    {
      index: 0,
      message: assistant,
      finish_reason: 'tool_calls',
      native_finish_reason: 'tool_use',
      logprobs: null,
      reasoning_details: reasoningDetails,
    },
  ],
  usage,
};
const errorBody: ErrorBody = {
  error: { code: 400, message: 'Bad model', param: 'model', type: 'invalid_request_error', metadata: {} },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('readable wire type names', () => {
  it('name the spec schemas they stand for', () => {
    expectTypeOf<ChatGenerationParams>().toEqualTypeOf<Schemas['ChatGenerationParams']>();
    expectTypeOf<CacheControl>().toEqualTypeOf<Schemas['ChatMessageContentItemCacheControl']>();
    expectTypeOf<ToolCall>().toEqualTypeOf<Schemas['ChatMessageToolCall']>();
    expectTypeOf<ToolDefinition>().toEqualTypeOf<Schemas['ToolDefinitionJson']>();
    expectTypeOf<ReasoningDetail>().toEqualTypeOf<Schemas['__schema3']>();
    expectTypeOf<ProviderPreferences>().toEqualTypeOf<Schemas['ChatGenerationParamsProvider']>();
    expectTypeOf<ResponseFormat>().toEqualTypeOf<Schemas['ChatGenerationParamsResponseFormat']>();
    expectTypeOf<MessageRole>().toEqualTypeOf<'system' | 'developer' | 'user' | 'assistant' | 'tool'>();
    expect(messages.map((message) => message.role)).toEqual([
      'system',
      'developer',
      'user',
      'assistant',
      'tool',
    ]);
  });

  it('describe a request with every role and content part that reaches the server unchanged, and its answer', async () => {
    server = await startTestServer((_, res) => sendJson(res, 200, completion));
    const client = createParleyClient({ baseURL: server.baseURL, scheduler: createFakeScheduler() });
    const answer = await client.chat.completions.create(request);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(request);
    expect(answer).toEqual(completion);
  });

  it('describe the error body, kept intact on the error', async () => {
    server = await startTestServer((_, res) => sendJson(res, 400, errorBody));
    const client = createParleyClient({ baseURL: server.baseURL, scheduler: createFakeScheduler() });
    const error = await rejection(client.chat.completions.create(request));
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect((error as ParleyHttpError).body).toEqual(errorBody);
  });
});
