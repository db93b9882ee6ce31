import { describe, expect, it } from 'vitest';
import {
  expectChatResponse,
  expectChunks,
  expectErrorResponse,
  postChat,
  readStream,
  useSimulator,
} from './testing/harness.ts';
import { HTTP_SCENARIOS, MODEL_REQUESTS } from './testing/requests.ts';

const simulator = useSimulator();
const strict = useSimulator({ requireApiKey: true, maxBodyBytes: 1_000 });

const STREAM_SCENARIOS = [
  'none',
  'slow-start;ms=5',
  'none;pace=0',
  'slow;pace=0',
  'error-mid-stream;after=3',
  'drop;after=3',
  'refusal',
  'content-filter;after=3',
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

  it.each(['refusal', 'content-filter;after=3'])(
    'answers JSON under scenario %s that is a valid ChatResponse',
    async (scenario) => {
      const response = await postChat(simulator().baseURL, request, { 'x-parley-scenario': scenario });
      const body: unknown = await response.json();
      expectChatResponse(body);
    },
  );

  it.each(HTTP_SCENARIOS)('answers scenario %s with a valid ErrorResponse', async (scenario, status) => {
    for (const stream of [false, true]) {
      const response = await postChat(
        simulator().baseURL,
        { ...request, stream },
        { 'x-parley-scenario': scenario },
      );
      // A failure before the first token is a plain JSON error, streamed request or not.
      expect(response.headers.get('content-type')).toContain('application/json');
      const body: unknown = await response.json();
      expect(response.status).toBe(status);
      expectErrorResponse(body);
    }
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
  const cases: [string, number, () => Promise<Response>][] = [
    ['invalid body', 400, () => postChat(simulator().baseURL, { messages: 'hi' })],
    [
      'unknown model',
      400,
      () =>
        postChat(simulator().baseURL, { model: 'nobody/none', messages: [{ role: 'user', content: 'x' }] }),
    ],
    [
      'malformed JSON',
      400,
      () =>
        fetch(`${simulator().baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"messages": [',
        }),
    ],
    [
      'wrong content type',
      415,
      () =>
        fetch(`${simulator().baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'hello',
        }),
    ],
    ['unknown route', 404, () => fetch(`${simulator().baseURL}/nothing/here`)],
    ['wrong method', 405, () => fetch(`${simulator().baseURL}/chat/completions`)],
    ['unknown model endpoints', 404, () => fetch(`${simulator().baseURL}/models/nobody/none/endpoints`)],
    ['missing key', 401, () => postChat(strict().baseURL, { messages: [{ role: 'user', content: 'x' }] })],
    [
      'body over the limit',
      413,
      () =>
        postChat(
          strict().baseURL,
          { messages: [{ role: 'user', content: 'x'.repeat(2_000) }] },
          { authorization: 'Bearer sk-any' },
        ),
    ],
    [
      'no endpoint qualifies',
      404,
      () =>
        postChat(simulator().baseURL, {
          model: 'parley/echo',
          messages: [{ role: 'user', content: 'x' }],
          provider: { quantizations: ['fp4'] },
        }),
    ],
  ];
  it.each(cases)('%s: %i', async (_name, status, send) => {
    const response = await send();
    expect(response.status).toBe(status);
    expectErrorResponse(await response.json());
  });
});
