import { describe, expect, it } from 'vitest';
import {
  type Body,
  expectErrorResponse,
  postChat,
  readStream,
  user,
  useSimulator,
} from '../testing/harness.ts';
import { PNG_BASE64, WEATHER_TOOLS } from '../testing/requests.ts';

const simulator = useSimulator();

// parley/echo is served by Parley (bf16, mid price, zdr), Lyrebird (int8, cheapest, fastest
// throughput, trains on data) and Mynah (fp16, dearest, lowest latency, retains prompts).
const echo = (extra: Body = {}): Body => ({
  model: 'parley/echo',
  messages: [user('Route me somewhere')],
  ...extra,
});

async function served(body: Body, headers: Record<string, string> = {}) {
  const response = await postChat(simulator().baseURL, body, headers);
  const json = await response.json();
  return {
    status: response.status,
    provider: json.provider,
    model: json.model,
    attempts: response.headers.get('x-parley-attempts'),
    json,
  };
}

describe('provider preferences choose the endpoint', () => {
  it.each([
    ['order', { order: ['Mynah'] }, 'Mynah'],
    ['order by slug, any case', { order: ['MYNAH'] }, 'Mynah'],
    ['only', { only: ['parley'] }, 'Parley'],
    ['ignore', { ignore: ['Parley', 'Lyrebird'] }, 'Mynah'],
    ['quantizations', { quantizations: ['fp16'] }, 'Mynah'],
    ['data_collection deny', { data_collection: 'deny' }, 'Parley'],
    ['zdr', { zdr: true }, 'Parley'],
    ['sort by price', { sort: 'price' }, 'Lyrebird'],
    ['sort by throughput', { sort: 'throughput' }, 'Lyrebird'],
    ['sort by latency', { sort: 'latency' }, 'Mynah'],
    ['sort as an object', { sort: { by: 'latency', partition: 'none' } }, 'Mynah'],
    ['max_price in USD per million tokens', { max_price: { prompt: 0.06, completion: 1 } }, 'Lyrebird'],
    ['min_throughput', { min_throughput: 100 }, 'Lyrebird'],
    ['max_latency in seconds', { max_latency: 0.3 }, 'Mynah'],
    ['preferred_max_latency', { preferred_max_latency: 0.3 }, 'Mynah'],
  ])('%s', async (_name, provider, expected) => {
    const result = await served(echo({ provider }));
    expect(result.status).toBe(200);
    expect(result.provider).toBe(expected);
  });

  it('drops providers that lack a used parameter when require_parameters is on', async () => {
    const result = await served(
      echo({ logprobs: true, provider: { require_parameters: true, sort: 'price' } }),
    );
    expect(result.provider).not.toBe('Lyrebird');
  });

  it('routes the :nitro variant by throughput and :floor by price', async () => {
    expect((await served(echo({ model: 'parley/echo:nitro' }))).provider).toBe('Lyrebird');
    expect((await served(echo({ model: 'parley/reasoner:floor' }))).provider).toBe('Starling');
  });

  it('picks the same provider for the same request every time', async () => {
    const providers = new Set<string>();
    for (let index = 0; index < 5; index++) providers.add((await served(echo())).provider);
    expect(providers.size).toBe(1);
  });

  it('names the provider in the body and in a header', async () => {
    const response = await postChat(simulator().baseURL, echo({ provider: { order: ['Mynah'] } }));
    expect(response.headers.get('x-parley-provider')).toBe('Mynah');
    expect((await response.json()).provider).toBe('Mynah');
  });
});

describe('no endpoint qualifies', () => {
  it.each([
    ['only an unknown provider', { only: ['Nobody'] }, 'provider.only', 'No allowed providers'],
    ['a quantization nobody serves', { quantizations: ['fp4'] }, 'provider.quantizations', 'quantization'],
    ['a price too low', { max_price: { prompt: 0.001 } }, 'provider.max_price', 'max_price'],
    [
      'zdr on a provider without it',
      { only: ['Lyrebird'], zdr: true },
      'provider.zdr',
      'Zero Data Retention',
    ],
    [
      'data_collection deny on a provider that trains',
      { only: ['Lyrebird'], data_collection: 'deny' },
      'provider.data_collection',
      'data policy',
    ],
    ['throughput nobody reaches', { min_throughput: 1000 }, 'provider.min_throughput', 'throughput'],
  ])('answers 404 for %s', async (_name, provider, param, message) => {
    const response = await postChat(simulator().baseURL, echo({ provider }));
    const body = await response.json();
    expect(response.status).toBe(404);
    expectErrorResponse(body);
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(message);
  });

  it('answers 404 when allow_fallbacks is false and order names none of the model’s providers', async () => {
    const response = await postChat(
      simulator().baseURL,
      echo({ provider: { order: ['Starling'], allow_fallbacks: false } }),
    );
    const body = await response.json();
    expect(response.status).toBe(404);
    expectErrorResponse(body);
    expect(body.error).toMatchObject({
      param: 'provider.order',
      message: 'No allowed providers are available for the selected model.',
    });
  });

  it('answers 404 when require_parameters leaves no provider', async () => {
    const response = await postChat(
      simulator().baseURL,
      echo({ logprobs: true, provider: { only: ['Lyrebird'], require_parameters: true } }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toBe(
      'No endpoints found that can handle the requested parameters.',
    );
  });

  it('answers 404 when tools go to a model without tool use', async () => {
    const response = await postChat(simulator().baseURL, echo({ tools: WEATHER_TOOLS }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('support tool use');
  });

  it('answers 404 when an image goes to a text-only model', async () => {
    const image = { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } };
    const response = await postChat(
      simulator().baseURL,
      echo({ messages: [{ role: 'user', content: [image] }] }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('support image input');
  });

  it('answers 400 when the prompt is longer than the context', async () => {
    const response = await postChat(simulator().baseURL, echo({ messages: [user('word '.repeat(40_000))] }));
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.message).toContain('maximum context length is 32768 tokens');
  });
});

describe('fallbacks', () => {
  const failing = { 'x-parley-scenario': 'server-error;provider=Mynah' };

  it('falls back to the next provider when the first fails, and says how many it tried', async () => {
    const result = await served(echo({ provider: { order: ['Mynah', 'Parley'] } }), failing);
    expect(result.status).toBe(200);
    expect(result.provider).toBe('Parley');
    expect(result.attempts).toBe('2');
  });

  it('returns the upstream error when allow_fallbacks is false', async () => {
    const result = await served(echo({ provider: { order: ['Mynah'], allow_fallbacks: false } }), failing);
    expect(result.status).toBe(500);
    expectErrorResponse(result.json);
    expect(result.json.error.metadata?.provider_name).toBe('Mynah');
  });

  it('still tries every provider of the order when allow_fallbacks is false', async () => {
    const result = await served(
      echo({ provider: { order: ['Mynah', 'Parley'], allow_fallbacks: false } }),
      failing,
    );
    expect(result).toMatchObject({ status: 200, provider: 'Parley', attempts: '2' });
  });

  it('tries only the first provider when allow_fallbacks is false without an order', async () => {
    const result = await served(echo({ provider: { sort: 'latency', allow_fallbacks: false } }), failing);
    expect(result.status).toBe(500);
    expect(result.attempts).toBe('1');
  });

  it('serves the next model of models[] when the first fails, and names it', async () => {
    const result = await served(
      { model: 'parley/echo', models: ['parley/reasoner'], messages: [user('Who answers?')] },
      { 'x-parley-scenario': 'unavailable;model=parley/echo' },
    );
    expect(result.status).toBe(200);
    expect(result.model).toBe('parley/reasoner');
  });

  it('skips a model of models[] that cannot take the input', async () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } };
    const result = await served({
      models: ['parley/echo', 'parley/vision'],
      messages: [{ role: 'user', content: [image] }],
    });
    expect(result.model).toBe('parley/vision');
  });

  it('fails the whole request when an unfiltered scenario fires, whatever the fallbacks', async () => {
    const result = await served(echo({ models: ['parley/reasoner'] }), {
      'x-parley-scenario': 'unavailable',
    });
    expect(result.status).toBe(503);
  });

  it('refuses an unknown model anywhere in models[]', async () => {
    const response = await postChat(simulator().baseURL, {
      models: ['parley/echo', 'ghost/model'],
      messages: [user('x')],
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.message).toBe('ghost/model is not a valid model ID');
    expect(body.error.param).toBe('models[1]');
  });
});

describe('scenarios named in the model id', () => {
  it('fails every attempt on parley/echo:unavailable, so models[] falls back', async () => {
    const result = await served({
      models: ['parley/echo:unavailable', 'parley/reasoner'],
      messages: [user('Fall back')],
    });
    expect(result.status).toBe(200);
    expect(result.model).toBe('parley/reasoner');
  });

  it('answers with the failure when nothing else is left', async () => {
    const result = await served({ model: 'parley/echo:rate-limit;retry-after=4', messages: [user('x')] });
    expect(result.status).toBe(429);
  });

  it('applies a stream scenario from the model id', async () => {
    const { chunks } = await readStream(
      await postChat(simulator().baseURL, {
        model: 'parley/echo:error-mid-stream;after=2',
        stream: true,
        messages: [user('Soon')],
      }),
    );
    expect(chunks.at(-1)?.error).toBeDefined();
    expect(chunks.at(-1)?.model).toBe('parley/echo');
  });

  it('still refuses a suffix that is neither a variant nor a scenario', async () => {
    expect((await served({ model: 'parley/echo:turbo', messages: [user('x')] })).status).toBe(400);
  });
});
