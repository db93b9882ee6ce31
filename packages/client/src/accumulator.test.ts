import { describe, expect, it } from 'vitest';
import { createCompletionAccumulator } from './accumulator.ts';
import type { ChatCompletionChunk, ChatCompletionChunkChoice } from './wire-types.ts';

function chunk(
  choices: ChatCompletionChunkChoice[],
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk {
  return { id: 'gen-1', object: 'chat.completion.chunk', created: 100, model: 'm/one', choices, ...extra };
}

function delta(
  content: ChatCompletionChunkChoice['delta'],
  finish: ChatCompletionChunkChoice['finish_reason'] = null,
  index = 0,
): ChatCompletionChunkChoice {
  return { index, delta: content, finish_reason: finish };
}

describe('createCompletionAccumulator', () => {
  it('returns an empty completion before any chunk', () => {
    expect(createCompletionAccumulator().snapshot()).toEqual({
      id: '',
      object: 'chat.completion',
      created: 0,
      model: '',
      choices: [],
    });
  });

  it('concatenates content, reasoning and refusal, ignoring null fields and empty choices', () => {
    const acc = createCompletionAccumulator();
    acc.add(chunk([delta({ role: 'assistant', content: 'Hel', reasoning: 'Hm' })]));
    acc.add(chunk([]));
    acc.add(chunk([delta({ content: null, reasoning: null, refusal: null })]));
    acc.add(chunk([delta({ content: 'lo', reasoning: 'm.' })], { usage: null }));
    const message = acc.snapshot().choices[0]?.message;
    expect(message).toEqual({ role: 'assistant', content: 'Hello', refusal: null, reasoning: 'Hmm.' });
  });

  it('keeps the last non-null finish reason and the usage of the last chunk that carries one', () => {
    const acc = createCompletionAccumulator();
    acc.add(
      chunk([delta({ content: 'x' }, 'length')], {
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
    acc.add(chunk([delta({}, null)], { usage: null }));
    acc.add(chunk([], { usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } }));
    const completion = acc.snapshot();
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.total_tokens).toBe(4);
  });

  it('takes id, model, created, provider and fingerprint from the first chunk that carries them', () => {
    const acc = createCompletionAccumulator();
    acc.add({ ...chunk([]), id: '', model: '' });
    acc.add(chunk([delta({ content: 'a' })], { provider: 'P1', system_fingerprint: 'fp1' }));
    acc.add(
      chunk([delta({ content: 'b' })], {
        id: 'gen-2',
        model: 'm/two',
        provider: 'P2',
        system_fingerprint: 'fp2',
      }),
    );
    const { id, model, created, provider, system_fingerprint } = acc.snapshot();
    expect({ id, model, created, provider, system_fingerprint }).toEqual({
      id: 'gen-1',
      model: 'm/one',
      created: 100,
      provider: 'P1',
      system_fingerprint: 'fp1',
    });
  });

  it('keeps choices apart by index and orders them by index', () => {
    const acc = createCompletionAccumulator();
    acc.add(chunk([delta({ content: 'B' }, null, 1)]));
    acc.add(chunk([delta({ content: 'A' }, null, 0), delta({ content: 'b' }, 'stop', 1)]));
    const choices = acc.snapshot().choices;
    expect(choices.map((c) => [c.index, c.message.content, c.finish_reason])).toEqual([
      [0, 'A', null],
      [1, 'Bb', 'stop'],
    ]);
  });

  it('puts merged reasoning_details on both the message and the choice', () => {
    const acc = createCompletionAccumulator();
    acc.add(chunk([delta({ reasoning_details: [{ type: 'reasoning.text', text: 'a', index: 0 }] })]));
    acc.add(chunk([delta({ reasoning_details: [{ type: 'reasoning.text', signature: 's', index: 0 }] })]));
    const choice = acc.snapshot().choices[0];
    const expected = [{ type: 'reasoning.text', text: 'a', index: 0, signature: 's' }];
    expect(choice?.message.reasoning_details).toEqual(expected);
    expect(choice?.reasoning_details).toEqual(expected);
  });

  it('accumulates logprobs for content and refusal', () => {
    const token = (t: string) => ({ token: t, logprob: -1, bytes: null, top_logprobs: [] });
    const acc = createCompletionAccumulator();
    acc.add(chunk([{ ...delta({ content: 'a' }), logprobs: { content: [token('a')], refusal: null } }]));
    acc.add(chunk([{ ...delta({ content: 'b' }), logprobs: null }]));
    acc.add(
      chunk([{ ...delta({ content: 'c' }), logprobs: { content: [token('c')], refusal: [token('r')] } }]),
    );
    expect(acc.snapshot().choices[0]?.logprobs).toEqual({
      content: [token('a'), token('c')],
      refusal: [token('r')],
    });
  });

  it('never changes a snapshot it returned, and reuses it while nothing new arrived', () => {
    const acc = createCompletionAccumulator();
    acc.add(
      chunk([
        delta({
          content: 'a',
          reasoning_details: [{ type: 'reasoning.text', text: 'r', index: 0 }],
          tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{' } }],
        }),
      ]),
    );
    const first = acc.snapshot();
    const copy = structuredClone(first);
    expect(acc.snapshot()).toBe(first);
    acc.add(
      chunk([
        delta({
          content: 'b',
          reasoning_details: [{ type: 'reasoning.text', text: 's', signature: 'sig', index: 0 }],
          tool_calls: [{ index: 0, function: { arguments: '}' } }],
        }),
      ]),
    );
    const second = acc.snapshot();
    expect(first).toEqual(copy);
    expect(second.choices[0]?.message.content).toBe('ab');
    expect(second.choices[0]?.message.reasoning_details).toEqual([
      { type: 'reasoning.text', text: 'rs', signature: 'sig', index: 0 },
    ]);
    expect(second.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{}');
  });

  it('keeps every piece of a long text in order, with snapshots taken along the way', () => {
    const acc = createCompletionAccumulator();
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`);
    const seen: unknown[] = [];
    for (const [i, piece] of pieces.entries()) {
      acc.add(
        chunk([
          delta({
            content: piece,
            reasoning: piece,
            reasoning_details: [{ type: 'reasoning.text', text: piece, index: 0 }],
          }),
        ]),
      );
      if (i % 97 === 0) seen.push(acc.snapshot().choices[0]?.message.content);
    }
    const message = acc.snapshot().choices[0]?.message;
    expect(message?.content).toBe(pieces.join(''));
    expect(message?.reasoning).toBe(pieces.join(''));
    expect(message?.reasoning_details).toEqual([{ type: 'reasoning.text', text: pieces.join(''), index: 0 }]);
    expect(seen).toEqual(seen.map((_, k) => pieces.slice(0, k * 97 + 1).join('')));
  });

  it('assembles tool calls by their index, in index order and without the index, when a provider skips one', () => {
    const acc = createCompletionAccumulator();
    const first = (index: number, id: string, args: string) => ({
      index,
      id,
      function: { name: id, arguments: args },
    });
    acc.add(chunk([delta({ tool_calls: [first(2, 'late', '')] })]));
    acc.add(chunk([delta({ tool_calls: [first(1, 'early', '{"n":')] })]));
    const rest = [
      { index: 2, function: { arguments: '{}' } },
      { index: 1, function: { arguments: '1}' } },
    ];
    acc.add(chunk([delta({ tool_calls: rest }, 'tool_calls')]));
    expect(acc.snapshot().choices[0]?.message.tool_calls).toEqual([
      { id: 'early', type: 'function', function: { name: 'early', arguments: '{"n":1}' } },
      { id: 'late', type: 'function', function: { name: 'late', arguments: '{}' } },
    ]);
  });

  it('keeps the identity of choices that a chunk did not touch', () => {
    const acc = createCompletionAccumulator();
    acc.add(chunk([delta({ content: 'a' }, null, 0), delta({ content: 'b' }, null, 1)]));
    const before = acc.snapshot();
    acc.add(chunk([delta({ content: 'c' }, null, 1)]));
    const after = acc.snapshot();
    expect(after.choices[0]).toBe(before.choices[0]);
    expect(after.choices[1]).not.toBe(before.choices[1]);
  });
});
