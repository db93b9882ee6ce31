import { describe, expect, it } from 'vitest';
import { type Body, expectErrorResponse, postChat, user, useSimulator } from '../testing/harness.ts';
import { WEATHER_TOOLS } from '../testing/requests.ts';

const simulator = useSimulator({ maxBodyBytes: 10_000 });
const guarded = useSimulator({ requireApiKey: true, apiKeys: ['sk-parley-good'] });

async function rejection(body: Body) {
  const response = await postChat(simulator().baseURL, body);
  const json = await response.json();
  expectErrorResponse(json);
  return { status: response.status, param: json.error.param, message: json.error.message as string };
}

const call = {
  id: 'call_1',
  type: 'function',
  function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
};

describe('requests are checked against the spec', () => {
  it.each<[string, Body, string]>([
    ['content of the wrong type', { messages: [{ role: 'user', content: 42 }] }, 'messages[0].content'],
    ['an unknown role', { messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    ['a user message without content', { messages: [{ role: 'user' }] }, 'messages[0].content'],
    [
      'an unknown content part',
      { messages: [{ role: 'user', content: [{ type: 'pdf', data: 'x' }] }] },
      'messages[0].content[0].type',
    ],
    [
      'an image part without its URL',
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      'messages[0].content[0].image_url.url',
    ],
    [
      'a tool result without tool_call_id',
      { messages: [user('x'), { role: 'tool', content: 'y' }] },
      'messages[1].tool_call_id',
    ],
    ['temperature as text', { messages: [user('x')], temperature: 'hot' }, 'temperature'],
    [
      'an unknown reasoning effort',
      { messages: [user('x')], reasoning: { effort: 'maximum' } },
      'reasoning.effort',
    ],
    ['an unknown sort', { messages: [user('x')], provider: { sort: 'cheapest' } }, 'provider.sort'],
    ['messages missing', { model: 'parley/echo' }, 'messages'],
    ['no messages', { messages: [] }, 'messages'],
    ['temperature out of range', { messages: [user('x')], temperature: 3 }, 'temperature'],
    ['max_tokens of zero', { messages: [user('x')], max_tokens: 0 }, 'max_tokens'],
    ['top_logprobs without logprobs', { messages: [user('x')], top_logprobs: 3 }, 'top_logprobs'],
    ['top_logprobs above 20', { messages: [user('x')], logprobs: true, top_logprobs: 21 }, 'top_logprobs'],
    [
      'a tool name with spaces',
      { messages: [user('x')], tools: [{ type: 'function', function: { name: 'get weather' } }] },
      'tools[0].function.name',
    ],
    [
      'tool_choice naming a tool not offered',
      {
        messages: [user('x')],
        tools: WEATHER_TOOLS,
        tool_choice: { type: 'function', function: { name: 'fly' } },
      },
      'tool_choice.function.name',
    ],
    ['tool_choice required without tools', { messages: [user('x')], tool_choice: 'required' }, 'tool_choice'],
    [
      'a tool result answering no call',
      { messages: [user('x'), { role: 'tool', tool_call_id: 'nope', content: 'y' }] },
      'messages[1].tool_call_id',
    ],
    [
      'a tool call left unanswered',
      { messages: [user('x'), { role: 'assistant', tool_calls: [call] }, user('again')] },
      'messages[1].tool_calls',
    ],
    ['an unknown model', { model: 'acme/unknown', messages: [user('x')] }, 'model'],
  ])('answers 400 naming the parameter for %s', async (_name, body, param) => {
    const result = await rejection(body);
    expect(result.status).toBe(400);
    expect(result.param).toBe(param);
  });

  it('uses OpenRouter’s words for an unknown model', async () => {
    expect((await rejection({ model: 'acme/unknown', messages: [user('x')] })).message).toBe(
      'acme/unknown is not a valid model ID',
    );
  });

  it('accepts every field of the spec, including provider names outside its list', async () => {
    const response = await postChat(simulator().baseURL, {
      model: 'parley/echo',
      messages: [
        { role: 'developer', content: 'be kind' },
        {
          role: 'user',
          content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral', ttl: '5m' } }],
        },
      ],
      provider: {
        order: ['Parley', 'OpenAI'],
        allow_fallbacks: true,
        max_price: { prompt: '1', completion: 2 },
        sort: 'price',
      },
      plugins: [{ id: 'web', max_results: 2 }],
      route: 'fallback',
      user: 'u1',
      session_id: 's1',
      frequency_penalty: 0.5,
      presence_penalty: null,
      logit_bias: { '50256': -100 },
      seed: 7,
      stop: ['\n\n\n'],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 500,
      metadata: { purpose: 'test' },
      debug: { echo_upstream_body: false },
      stream: false,
      stream_options: null,
      response_format: { type: 'text' },
    });
    expect(response.status).toBe(200);
  });
});

describe('bodies the server cannot read', () => {
  const raw = (body: string, contentType = 'application/json') =>
    fetch(`${simulator().baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });

  it('answers malformed JSON with a 400 that says so', async () => {
    const response = await raw('{"messages": [');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('not valid JSON');
  });

  it('answers a body that is not an object with a 400', async () => {
    expect((await raw('[1, 2]')).status).toBe(400);
  });

  it('answers the wrong content type with a 415', async () => {
    const response = await raw('hello', 'text/plain');
    expect(response.status).toBe(415);
    expect((await response.json()).error.message).toContain('application/json');
  });

  it('answers a body over maxBodyBytes with a 413 and keeps serving', async () => {
    const response = await postChat(simulator().baseURL, { messages: [user('x'.repeat(20_000))] });
    expect(response.status).toBe(413);
    expect((await postChat(simulator().baseURL, { messages: [user('small')] })).status).toBe(200);
  });

  it('answers an oversized body sent without Content-Length with a 413', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(`{"messages":[{"role":"user","content":"${'y'.repeat(30_000)}"}]}`),
        );
        controller.close();
      },
    });
    const response = await fetch(`${simulator().baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('API keys', () => {
  const send = (authorization?: string) =>
    postChat(guarded().baseURL, { messages: [user('x')] }, authorization ? { authorization } : {});

  it('answers 401 without a key when one is required', async () => {
    const response = await send();
    expect(response.status).toBe(401);
    expectErrorResponse(await response.json());
  });

  it('answers 401 for a wrong key, without repeating the key', async () => {
    const response = await send('Bearer sk-parley-wrong');
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).not.toContain('sk-parley-wrong');
  });

  it('accepts a listed key', async () => {
    expect((await send('Bearer sk-parley-good')).status).toBe(200);
  });

  it('lets anyone list the models, as OpenRouter does', async () => {
    expect((await fetch(`${guarded().baseURL}/models`)).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight from another origin for the headers clients send', async () => {
    const response = await fetch(`${simulator().baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-parley-scenario, x-stainless-os',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of ['authorization', 'x-parley-scenario', 'x-stainless-os'])
      expect(allowed).toContain(header);
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('marks error responses for other origins too', async () => {
    const response = await postChat(simulator().baseURL, { messages: [] });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
