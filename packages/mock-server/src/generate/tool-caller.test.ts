import type { ChatCompletion, Message, ToolDefinition } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type Body, joinStream, postChat, readStream, user, useSimulator } from '../testing/harness.ts';
import { compileUserSchema } from '../testing/json-schema.ts';
import { WEATHER_TOOLS } from '../testing/requests.ts';

const simulator = useSimulator();

async function complete(body: Body): Promise<ChatCompletion> {
  const response = await postChat(simulator().baseURL, { model: 'parley/tool-caller', ...body });
  expect(response.status).toBe(200);
  return response.json();
}

const BOOKING_TOOL: ToolDefinition = {
  type: 'function',
  function: {
    name: 'book_flight',
    description: 'Book a flight to a destination',
    parameters: {
      type: 'object',
      $defs: {
        passenger: {
          type: 'object',
          properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0, maximum: 120 } },
          required: ['name', 'age'],
        },
      },
      properties: {
        destination: { type: 'string', minLength: 2 },
        date: { type: 'string', format: 'date' },
        cabin: { enum: ['economy', 'business', 'first'] },
        passengers: { type: 'array', items: { $ref: '#/$defs/passenger' }, minItems: 1, maxItems: 4 },
        seats: { type: 'integer', minimum: 1, maximum: 9 },
        reference: { type: 'string', pattern: '^[A-Z]{2}\\d{4}$' },
        flexible: { type: 'boolean' },
        notes: { anyOf: [{ type: 'string', maxLength: 40 }, { type: 'null' }] },
        price: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 },
      },
      required: [
        'destination',
        'date',
        'cabin',
        'passengers',
        'seats',
        'reference',
        'flexible',
        'notes',
        'price',
      ],
      additionalProperties: false,
    },
  },
};

function argumentsOf(completion: ChatCompletion) {
  return completion.choices[0]?.message.tool_calls ?? [];
}

function resultsFor(completion: ChatCompletion, content: (name: string, index: number) => string): Message[] {
  const message = completion.choices[0]?.message;
  if (!message) throw new Error('no message');
  return [
    message,
    ...argumentsOf(completion).map((call, index) => ({
      role: 'tool' as const,
      tool_call_id: call.id,
      content: content(call.function.name, index),
    })),
  ];
}

describe('calling tools', () => {
  it('fills arguments that are valid against each tool’s JSON Schema', async () => {
    const completion = await complete({
      tools: [BOOKING_TOOL],
      messages: [user('Book a business flight to Tokyo for 2 people, Ada and Alan')],
    });
    const [call] = argumentsOf(completion);
    const validate = compileUserSchema(BOOKING_TOOL.function.parameters);
    const args = JSON.parse(call?.function.arguments ?? 'null');
    expect(validate(args), JSON.stringify(validate.errors)).toBe(true);
    expect(args.destination).toBe('Tokyo');
    expect(args.cabin).toBe('business');
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('calls several tools in parallel when several fit, one call per place named', async () => {
    const completion = await complete({
      tools: WEATHER_TOOLS,
      messages: [user('What is the weather in Paris and Rome, and the local time?')],
    });
    const calls = argumentsOf(completion).map((call) => {
      const args = JSON.parse(call.function.arguments);
      return [call.function.name, args.city ?? args.timezone];
    });
    expect(calls).toEqual([
      ['get_weather', 'Paris'],
      ['get_weather', 'Rome'],
      ['get_time', 'Paris'],
    ]);
    expect(new Set(argumentsOf(completion).map((call) => call.id)).size).toBe(3);
  });

  it('interleaves the argument fragments of parallel calls in a stream', async () => {
    const body = {
      model: 'parley/tool-caller',
      stream: true,
      tools: WEATHER_TOOLS,
      messages: [user('Weather in Oslo and time in Oslo?')],
    };
    const { chunks } = await readStream(await postChat(simulator().baseURL, body));
    const order = chunks.flatMap(
      (chunk) => chunk.choices[0]?.delta.tool_calls?.map((call) => call.index) ?? [],
    );
    const lastOfFirst = order.lastIndexOf(0);
    const firstOfSecond = order.indexOf(1);
    expect(firstOfSecond).toBeGreaterThan(-1);
    expect(firstOfSecond).toBeLessThan(lastOfFirst);
    const streamed = joinStream(chunks).toolCalls;
    const json = argumentsOf(
      await complete({ tools: WEATHER_TOOLS, messages: [user('Weather in Oslo and time in Oslo?')] }),
    );
    expect(streamed.map((call) => [call.name, call.arguments])).toEqual(
      json.map((call) => [call.function.name, call.function.arguments]),
    );
  });

  it('makes one call per round when parallel_tool_calls is false', async () => {
    const first = await complete({
      tools: WEATHER_TOOLS,
      parallel_tool_calls: false,
      messages: [user('Weather in Paris and the time in Paris')],
    });
    expect(argumentsOf(first).map((call) => call.function.name)).toEqual(['get_weather']);
    const messages = [
      user('Weather in Paris and the time in Paris'),
      ...resultsFor(first, () => '{"temp": 18}'),
    ];
    const second = await complete({ tools: WEATHER_TOOLS, parallel_tool_calls: false, messages });
    expect(argumentsOf(second).map((call) => call.function.name)).toEqual(['get_time']);
  });
});

describe('tool_choice', () => {
  it('answers in text with "none"', async () => {
    const completion = await complete({
      tools: WEATHER_TOOLS,
      tool_choice: 'none',
      messages: [user('Weather in Paris?')],
    });
    expect(argumentsOf(completion)).toEqual([]);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.choices[0]?.message.content).toContain('tool_choice is "none"');
  });

  it('calls the named function even when another fits better', async () => {
    const completion = await complete({
      tools: WEATHER_TOOLS,
      tool_choice: { type: 'function', function: { name: 'get_time' } },
      messages: [user('Weather in Paris?')],
    });
    expect(argumentsOf(completion).map((call) => call.function.name)).toEqual(['get_time']);
  });

  it('calls a tool with "required" even when none fits', async () => {
    const completion = await complete({
      tools: WEATHER_TOOLS,
      tool_choice: 'required',
      messages: [user('Hello there')],
    });
    expect(argumentsOf(completion)).toHaveLength(1);
  });

  it('answers directly with "auto" when no tool fits', async () => {
    const completion = await complete({ tools: WEATHER_TOOLS, messages: [user('Hello there')] });
    expect(argumentsOf(completion)).toEqual([]);
    expect(completion.choices[0]?.message.content).toContain('None of the offered tools');
  });
});

describe('answering from results', () => {
  it('answers from the tool results and acknowledges a failed one', async () => {
    const question = user('What is the weather in Paris and Rome?');
    const first = await complete({ tools: WEATHER_TOOLS, messages: [question] });
    const messages = [
      question,
      ...resultsFor(first, (_name, index) =>
        index === 0 ? '{"temp": 21, "sky": "clear"}' : '{"error": "station offline"}',
      ),
    ];
    const answer = await complete({ tools: WEATHER_TOOLS, messages });
    const content = answer.choices[0]?.message.content ?? '';
    expect(answer.choices[0]?.finish_reason).toBe('stop');
    expect(content).toContain('temp 21, sky clear');
    expect(content).toContain('failed (station offline)');
  });

  it('takes as many rounds as parley_rounds asks for, then answers', async () => {
    const messages: Message[] = [user('Weather in Lima please')];
    const finishes: string[] = [];
    for (let round = 0; round < 5; round++) {
      const completion = await complete({ tools: WEATHER_TOOLS, metadata: { parley_rounds: '3' }, messages });
      finishes.push(completion.choices[0]?.finish_reason ?? '');
      if (completion.choices[0]?.finish_reason !== 'tool_calls') break;
      messages.push(...resultsFor(completion, () => `{"round": ${round + 1}}`));
    }
    expect(finishes).toEqual(['tool_calls', 'tool_calls', 'tool_calls', 'stop']);
  });

  it('reads a parley_rounds hint from the message text too', async () => {
    const messages: Message[] = [user('Weather in Lima, parley_rounds=2')];
    const first = await complete({ tools: WEATHER_TOOLS, messages });
    messages.push(...resultsFor(first, () => 'sunny'));
    const second = await complete({ tools: WEATHER_TOOLS, messages });
    expect(second.choices[0]?.finish_reason).toBe('tool_calls');
  });
});
