import { describe, expect, it } from 'vitest';
import {
  expectChatResponse,
  expectChunks,
  expectErrorResponse,
  postChat,
  readStream,
  useSimulator,
} from './testing/harness.ts';
import { MODEL_REQUESTS } from './testing/requests.ts';

const simulator = useSimulator();

const HTTP_SCENARIOS = [
  ['rate-limit', 429],
  ['server-error', 500],
  ['bad-gateway', 502],
  ['unavailable', 503],
  ['insufficient-credits', 402],
  ['moderation', 403],
  ['timeout', 408],
] as const;

const STREAM_SCENARIOS = [
  'none',
  'slow-start;ms=5',
  'none;pace=0',
  'slow;pace=0',
  'error-mid-stream;after=3',
  'drop;after=3',
];

describe.each(Object.entries(MODEL_REQUESTS))('%s conforms to the spec', (_model, request) => {
  it('answers JSON that is a valid ChatResponse, with usage', async () => {
    const response = await postChat(simulator().baseURL, request);
    const body: unknown = await response.json();
    expect(response.status).toBe(200);
    expectChatResponse(body);
    expect(body.usage?.total_tokens).toBeGreaterThan(0);
  });

  it.each(STREAM_SCENARIOS)('streams valid chunks under scenario %s', async (scenario) => {
    const response = await postChat(
      simulator().baseURL,
      { ...request, stream: true, stream_options: { include_usage: true } },
      { 'x-parley-scenario': scenario },
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const { chunks, done } = await readStream(response);
    expect(chunks.length).toBeGreaterThan(3);
    expectChunks(chunks);
    expect(done).toBe(!scenario.startsWith('error') && !scenario.startsWith('drop'));
  });

  it.each(HTTP_SCENARIOS)('answers scenario %s with a valid ErrorResponse', async (scenario, status) => {
    const response = await postChat(simulator().baseURL, request, { 'x-parley-scenario': scenario });
    const body: unknown = await response.json();
    expect(response.status).toBe(status);
    expectErrorResponse(body);
  });

  it('answers a non-streamed error-mid-stream with a valid 502 ErrorResponse', async () => {
    const response = await postChat(simulator().baseURL, request, {
      'x-parley-scenario': 'error-mid-stream',
    });
    expect(response.status).toBe(502);
    expectErrorResponse(await response.json());
  });
});

describe('error responses conform to the spec', () => {
  const cases: [string, () => Promise<Response>][] = [
    ['invalid body', () => postChat(simulator().baseURL, { messages: 'hi' })],
    [
      'unknown model',
      () =>
        postChat(simulator().baseURL, { model: 'nobody/none', messages: [{ role: 'user', content: 'x' }] }),
    ],
    [
      'malformed JSON',
      () =>
        fetch(`${simulator().baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"messages": [',
        }),
    ],
    [
      'wrong content type',
      () =>
        fetch(`${simulator().baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'hello',
        }),
    ],
    ['unknown route', () => fetch(`${simulator().baseURL}/nothing/here`)],
    ['wrong method', () => fetch(`${simulator().baseURL}/chat/completions`)],
    ['unknown model endpoints', () => fetch(`${simulator().baseURL}/models/nobody/none/endpoints`)],
  ];
  it.each(cases)('%s', async (_name, send) => {
    const response = await send();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expectErrorResponse(await response.json());
  });
});
