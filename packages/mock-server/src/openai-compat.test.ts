/**
 * A client nobody here wrote: the official `openai` package against the simulator over HTTP,
 * because users will point such clients at it.
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { user, useSimulator } from './testing/harness.ts';
import { WEATHER_TOOLS } from './testing/requests.ts';

const simulator = useSimulator();
const guarded = useSimulator({ requireApiKey: true, apiKeys: ['sk-good'] });

const client = (options: ConstructorParameters<typeof OpenAI>[0] = {}) =>
  new OpenAI({ baseURL: simulator().baseURL, apiKey: 'sk-anything', maxRetries: 0, ...options });
const scenario = (value: string) => ({ headers: { 'x-parley-scenario': value } });

describe('the openai package', () => {
  it('gets a completion', async () => {
    const completion = await client().chat.completions.create({
      model: 'parley/echo',
      messages: [user('Hello from openai')],
    });
    expect(completion.choices[0]?.message.content).toContain('“Hello from openai”');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams the same text it gets in one piece', async () => {
    const params = { model: 'parley/echo', messages: [user('Stream to openai')] };
    const whole = await client().chat.completions.create(params);
    const stream = await client().chat.completions.create({
      ...params,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage?.total_tokens ?? usage;
    }
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(usage).toBe(whole.usage?.total_tokens);
  });

  it('assembles interleaved parallel tool calls with its stream helper', async () => {
    const runner = client().chat.completions.stream({
      model: 'parley/tool-caller',
      messages: [user('Weather in Paris and Rome?')],
      tools: WEATHER_TOOLS as OpenAI.ChatCompletionTool[],
    });
    const final = await runner.finalChatCompletion();
    const calls = final.choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => call.type === 'function' && JSON.parse(call.function.arguments).city)).toEqual(
      ['Paris', 'Rome'],
    );
  });

  it('runs a multi-round tool loop with runTools and gets an answer from the results', async () => {
    const runner = client().chat.completions.runTools({
      model: 'parley/tool-caller',
      messages: [user('Weather in Paris? parley_rounds=2')],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Get the current weather for a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            parse: JSON.parse,
            function: (args: { city: string }) => ({ city: args.city, temp: 19 }),
          },
        },
      ],
    });
    const content = await runner.finalContent();
    expect(content).toContain('temp 19');
    expect(content).toContain('That was 2 rounds');
  });

  it('raises typed errors with the status and param', async () => {
    const error = await client()
      .chat.completions.create({ model: 'parley/echo', messages: [], temperature: 1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'messages' });
  });

  it('raises an AuthenticationError for a wrong key', async () => {
    const wrong = new OpenAI({ baseURL: guarded().baseURL, apiKey: 'sk-bad', maxRetries: 0 });
    await expect(
      wrong.chat.completions.create({ model: 'parley/echo', messages: [user('x')] }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('retries a rate limit, honouring retry-after-ms, and then succeeds', async () => {
    const completion = await client({ maxRetries: 2 }).chat.completions.create(
      { model: 'parley/echo', messages: [user('retry me')] },
      scenario('rate-limit;times=2;key=openai-retry;retry-after-ms=10'),
    );
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('gives up with a RateLimitError when the retries run out', async () => {
    const request = client({ maxRetries: 1 }).chat.completions.create(
      { model: 'parley/echo', messages: [user('retry me')] },
      scenario('rate-limit;times=3;key=openai-give-up;retry-after-ms=10'),
    );
    await expect(request).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('retries a 500 and a 503', async () => {
    const completion = await client({ maxRetries: 2 }).chat.completions.create(
      { model: 'parley/echo', messages: [user('retry me')] },
      scenario(
        'server-error;times=1;key=openai-500;retry-after-ms=5,unavailable;times=1;key=openai-503;retry-after-ms=5',
      ),
    );
    expect(completion.choices).toHaveLength(1);
  });

  it('throws the error of a chunk that fails mid-stream', async () => {
    const stream = await client().chat.completions.create(
      { model: 'parley/echo', messages: [user('fail soon')], stream: true },
      scenario('error-mid-stream;after=2'),
    );
    const read = async () => {
      for await (const _chunk of stream) {
        // draining
      }
    };
    await expect(read()).rejects.toThrow(/mid-stream/);
  });

  it('throws when the connection drops mid-stream', async () => {
    const stream = await client().chat.completions.create(
      { model: 'parley/echo', messages: [user('drop soon')], stream: true },
      scenario('drop;after=2'),
    );
    const read = async () => {
      for await (const _chunk of stream) {
        // draining
      }
    };
    await expect(read()).rejects.toThrow();
  });

  it('lists the models', async () => {
    const page = await client().models.list();
    expect(page.data.map((model) => model.id)).toContain('parley/reasoner');
  });
});
