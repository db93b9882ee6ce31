/**
 * @parley/client against the simulator over real HTTP: every model, routing, and every failure
 * a user of the client can meet.
 */
import {
  type ChatCompletion,
  type ChatCompletionStreamingParams,
  createParleyClient,
  ParleyAbortError,
  ParleyHttpError,
  ParleyIncompleteStreamError,
  ParleyNetworkError,
  ParleyStreamError,
  ParleyTimeoutError,
  type ProviderPreferences,
  type RetryInfo,
  type RetryScheduler,
} from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type Body, user, useSimulator } from './testing/harness.ts';
import { HTTP_SCENARIOS, MODEL_REQUESTS } from './testing/requests.ts';

const simulator = useSimulator();
const guarded = useSimulator({ requireApiKey: true, apiKeys: ['sk-client-good'] });

const client = (
  options: {
    maxRetries?: number;
    timeout?: number;
    onRetry?: (info: RetryInfo) => void;
    scheduler?: RetryScheduler;
  } = {},
) => createParleyClient({ baseURL: simulator().baseURL, apiKey: 'sk-client', maxRetries: 0, ...options });
const scenario = (value: string) => ({ headers: { 'x-parley-scenario': value } });
const stripVolatile = (completion: ChatCompletion) => ({ ...completion, id: '', created: 0 });

async function streamed(body: Body, options = {}) {
  return client().chat.completions.create(
    { ...(body as unknown as ChatCompletionStreamingParams), stream: true },
    options,
  );
}

describe.each(Object.entries(MODEL_REQUESTS))('%s through @parley/client', (_model, request) => {
  it('assembles from the stream exactly the completion the JSON response carries', async () => {
    const whole = await client().chat.completions.create({
      ...(request as unknown as ChatCompletionStreamingParams),
      stream: false,
    });
    const stream = await streamed({ ...request, stream_options: { include_usage: true } });
    const assembled = await stream.finalCompletion();
    const [json, fromStream] = [whole.choices[0], assembled.choices[0]];
    expect(fromStream?.message.content).toEqual(json?.message.content);
    expect(fromStream?.message.tool_calls).toEqual(json?.message.tool_calls);
    expect(fromStream?.message.reasoning_details).toEqual(json?.message.reasoning_details);
    expect(fromStream?.finish_reason).toBe(json?.finish_reason);
    expect(assembled.usage).toEqual(whole.usage);
    expect(stripVolatile(assembled).model).toBe(whole.model);
  });
});

describe('answers that are not plain text, through the client', () => {
  it.each([
    ['web citations', { plugins: [{ id: 'web' as const, max_results: 3 }] }, {}],
    ['a refusal', {}, scenario('refusal')],
    ['a content filter stop', {}, scenario('content-filter;after=4')],
  ])('assembles %s from the stream as the JSON response carries them', async (_name, extra, options) => {
    const body = { model: 'parley/echo', messages: [user('Tell me about lighthouses')], ...extra };
    const whole = await client().chat.completions.create({ ...body, stream: false }, options);
    const assembled = await (await streamed(body, options)).finalCompletion();
    const [json, fromStream] = [whole.choices[0], assembled.choices[0]];
    expect(fromStream?.message.annotations).toEqual(json?.message.annotations);
    expect(fromStream?.message.refusal ?? null).toEqual(json?.message.refusal);
    // A stream opens with `content: ''` (as OpenAI's do) where the JSON refusal has `content: null`.
    expect(fromStream?.message.content || null).toEqual(json?.message.content || null);
    expect(fromStream?.finish_reason).toBe(json?.finish_reason);
  });
});

describe('routing through the client', () => {
  it('reports the provider and the fallback model that served', async () => {
    const completion = await client().chat.completions.create(
      {
        model: 'parley/echo',
        models: ['parley/reasoner'],
        messages: [user('Who served this?')],
        provider: { sort: 'latency' },
      },
      scenario('unavailable;model=parley/echo'),
    );
    expect(completion.model).toBe('parley/reasoner');
    expect(completion.provider).toBe('Parley');
  });

  // parley/echo runs on Parley (bf16, zdr), Lyrebird (int8, cheapest, fastest, trains on data,
  // no logprobs) and Mynah (fp16, dearest, lowest latency, retains prompts).
  it.each<[string, ProviderPreferences, string]>([
    ['order', { order: ['Mynah'] }, 'Mynah'],
    ['only', { only: ['Parley'] }, 'Parley'],
    ['ignore', { ignore: ['Parley', 'Lyrebird'] }, 'Mynah'],
    ['quantizations', { quantizations: ['fp16'] }, 'Mynah'],
    ['data_collection', { data_collection: 'deny' }, 'Parley'],
    ['zdr', { zdr: true }, 'Parley'],
    ['sort by price', { sort: 'price' }, 'Lyrebird'],
    ['sort by throughput', { sort: 'throughput' }, 'Lyrebird'],
    ['sort by latency', { sort: 'latency' }, 'Mynah'],
    ['max_price', { max_price: { prompt: 0.06, completion: 1 } }, 'Lyrebird'],
    ['min_throughput', { min_throughput: 100 }, 'Lyrebird'],
    ['max_latency', { max_latency: 0.3 }, 'Mynah'],
    ['require_parameters', { require_parameters: true, sort: 'price' }, 'Parley'],
    ['allow_fallbacks false', { order: ['Mynah'], allow_fallbacks: false }, 'Mynah'],
  ])('routes by %s', async (_name, provider, expected) => {
    const stream = await streamed({
      model: 'parley/echo',
      messages: [user('Route me')],
      logprobs: true,
      provider,
    });
    expect((await stream.finalCompletion()).provider).toBe(expected);
  });

  it.each<[string, ProviderPreferences, string]>([
    ['only', { only: ['Nobody'] }, 'provider.only'],
    ['ignore', { ignore: ['Parley', 'Lyrebird', 'Mynah'] }, 'provider.ignore'],
    ['quantizations', { quantizations: ['fp4'] }, 'provider.quantizations'],
    ['data_collection', { only: ['Lyrebird'], data_collection: 'deny' }, 'provider.data_collection'],
    ['zdr', { only: ['Lyrebird'], zdr: true }, 'provider.zdr'],
    ['max_price', { max_price: { prompt: 0.001 } }, 'provider.max_price'],
    ['min_throughput', { min_throughput: 1000 }, 'provider.min_throughput'],
    ['max_latency', { max_latency: 0.1 }, 'provider.max_latency'],
    ['require_parameters', { only: ['Lyrebird'], require_parameters: true }, 'provider.require_parameters'],
  ])('raises the 404 naming provider.%s when no endpoint qualifies', async (_name, provider, param) => {
    const error = await client()
      .chat.completions.create({ model: 'parley/echo', messages: [user('x')], logprobs: true, provider })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyHttpError);
    expect(error).toMatchObject({ status: 404, body: { error: { param } } });
  });

  it('returns the upstream error when allow_fallbacks is false and the first provider fails', async () => {
    const error = await client()
      .chat.completions.create(
        {
          model: 'parley/echo',
          messages: [user('x')],
          provider: { order: ['Mynah'], allow_fallbacks: false },
        },
        scenario('server-error;provider=Mynah'),
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 500 });
  });

  it('lists models and endpoints', async () => {
    const models = await client().models.list();
    const endpoints = await client().models.endpoints('parley/vision');
    expect(models.data).toHaveLength(5);
    expect(endpoints.data.endpoints.map((endpoint) => endpoint.provider_name)).toEqual([
      'Parley',
      'Starling',
    ]);
  });
});

describe('failures through the client', () => {
  it('retries a 429 after the Retry-After the simulator sent, then succeeds', async () => {
    const retries: RetryInfo[] = [];
    const completion = await client({
      maxRetries: 2,
      onRetry: (info) => retries.push(info),
    }).chat.completions.create(
      { model: 'parley/echo', messages: [user('retry')] },
      scenario('rate-limit;times=1;key=client-429;retry-after=0'),
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toMatchObject({ kind: 'http', status: 429, retryAfterMs: 0 });
  });

  /** Records the waits the retry loop asks for instead of waiting them out. */
  function recordingScheduler() {
    const sleeps: number[] = [];
    const scheduler: RetryScheduler = {
      now: () => Date.now(),
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    };
    return { sleeps, scheduler };
  }

  it.each([
    ['upstream-timeout', 524],
    ['gateway-timeout', 504],
    ['timeout', 408],
  ])('retries a %s (%i) after the Retry-After it sent, then succeeds', async (name, status) => {
    const { sleeps, scheduler } = recordingScheduler();
    const retries: RetryInfo[] = [];
    const completion = await client({
      maxRetries: 2,
      scheduler,
      onRetry: (info) => retries.push(info),
    }).chat.completions.create(
      { model: 'parley/echo', messages: [user('retry after a timeout')] },
      scenario(`${name};times=1;key=client-${name}-after;retry-after=2`),
    );
    expect(completion.choices[0]?.message.content).toContain('retry after a timeout');
    expect(sleeps).toEqual([2000]);
    expect(retries[0]?.error).toMatchObject({ kind: 'http', status, retryAfterMs: 2000 });
  });

  it('retries a streamed request that timed out upstream (524) with backoff when no Retry-After came', async () => {
    const { sleeps, scheduler } = recordingScheduler();
    const stream = await client({ maxRetries: 3, scheduler }).chat.completions.create(
      { model: 'parley/echo', messages: [user('stream after two timeouts')], stream: true },
      scenario('upstream-timeout;times=2;key=client-524-backoff'),
    );
    const completion = await stream.finalCompletion();
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    // Backoff of 500 then 1000 ms (no jitter with random() = 0).
    expect(sleeps).toEqual([500, 1000]);
  });

  it('surfaces a 524 whose Retry-After is longer than a minute instead of waiting', async () => {
    const { sleeps, scheduler } = recordingScheduler();
    const error = await client({ maxRetries: 2, scheduler })
      .chat.completions.create(
        { model: 'parley/echo', messages: [user('x')] },
        scenario('upstream-timeout;retry-after=120'),
      )
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 524, retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
  });

  it.each(HTTP_SCENARIOS)(
    'raises ParleyHttpError for %s with the server’s error body',
    async (name, status) => {
      const error = await client()
        .chat.completions.create({ model: 'parley/echo', messages: [user('x')] }, scenario(name))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ParleyHttpError);
      expect(error).toMatchObject({ status, body: { error: { metadata: { scenario: name } } } });
    },
  );

  it('raises ParleyHttpError naming the parameter for an invalid request', async () => {
    const error = await client()
      .chat.completions.create({ model: 'parley/echo', messages: [user('x')], temperature: 5 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 400, body: { error: { param: 'temperature' } } });
  });

  it('raises ParleyStreamError with the partial answer when a chunk reports an error', async () => {
    const stream = await streamed(
      { model: 'parley/echo', messages: [user('Five tokens then trouble')] },
      scenario('error-mid-stream;after=5'),
    );
    const error = await stream.finalCompletion().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyStreamError);
    const partial = (error as ParleyStreamError).partial.choices[0]?.message.content ?? '';
    expect(partial.length).toBeGreaterThan(0);
    expect((error as ParleyStreamError).body.message).toContain('mid-stream');
  });

  it('raises ParleyIncompleteStreamError and keeps the partial answer when the connection drops', async () => {
    const stream = await streamed(
      { model: 'parley/echo', messages: [user('Drop me')] },
      scenario('drop;after=4'),
    );
    const error = await stream.finalCompletion().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyIncompleteStreamError);
    expect((error as ParleyIncompleteStreamError).partial.choices[0]?.message.content).toMatch(/^\S/);
  });

  it('keeps the tokens sent before a drop at pace 0 for a reader that renders between chunks', async () => {
    const request = { model: 'parley/echo', messages: [user('Drop me while I render')] };
    const whole = await client().chat.completions.create({ ...request, stream: false });
    const stream = await streamed(request, scenario('drop;after=4'));
    const render = () => new Promise((resolve) => setTimeout(resolve, 0));
    let shown = '';
    const reading = (async () => {
      // A UI gives the event loop a turn to render when the response starts and per chunk; fetch
      // discards the chunks it holds unread when the connection resets, so a drop cut at once
      // would leave nothing on screen.
      await render();
      for await (const chunk of stream) {
        shown += chunk.choices[0]?.delta.content ?? '';
        await render();
      }
    })();
    const error = await reading.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyIncompleteStreamError);
    expect(shown).not.toBe('');
    expect(String(whole.choices[0]?.message.content).startsWith(shown)).toBe(true);
    expect((error as ParleyIncompleteStreamError).partial.choices[0]?.message.content).toBe(shown);
  });

  it('raises ParleyNetworkError when the connection drops before a JSON answer', async () => {
    const error = await client()
      .chat.completions.create({ model: 'parley/echo', messages: [user('x')] }, scenario('drop'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyNetworkError);
  });

  it('waits through the keep-alive comments of a slow start and completes', async () => {
    const stream = await streamed(
      { model: 'parley/echo', messages: [user('Slowly')] },
      scenario('slow-start;ms=300'),
    );
    expect((await stream.finalCompletion()).choices[0]?.finish_reason).toBe('stop');
  });

  it('raises a 401 without the key when the simulator requires one, and succeeds with it', async () => {
    const request = { model: 'parley/echo', messages: [user('x')] };
    const withKey = (apiKey: string) =>
      createParleyClient({ baseURL: guarded().baseURL, apiKey, maxRetries: 0 }).chat.completions.create(
        request,
      );
    const error = await withKey('sk-client-wrong').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 401 });
    expect(JSON.stringify((error as ParleyHttpError).body)).not.toContain('sk-client-wrong');
    expect((await withKey('sk-client-good')).choices[0]?.finish_reason).toBe('stop');
  });

  it('times out a stalled stream and keeps what arrived', async () => {
    const stream = await createParleyClient({
      baseURL: simulator().baseURL,
      maxRetries: 0,
      timeout: 300,
    }).chat.completions.create(
      { model: 'parley/echo', messages: [user('Stall')], stream: true },
      scenario('stall;after=3'),
    );
    const error = await stream.finalCompletion().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyTimeoutError);
    expect((error as ParleyTimeoutError).partial?.choices[0]?.message.content).toBeTruthy();
  });

  it('aborts a held stream with ParleyAbortError and the partial answer', async () => {
    const stream = await streamed(
      { model: 'parley/echo', messages: [user('Hold then abort')] },
      scenario('hold;id=client-abort;after=2'),
    );
    let seen = 0;
    const reading = (async () => {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content && ++seen === 2) stream.abort();
      }
    })();
    const error = await reading.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ParleyAbortError);
    expect((error as ParleyAbortError).partial?.choices[0]?.message.content).toBeTruthy();
  });
});
