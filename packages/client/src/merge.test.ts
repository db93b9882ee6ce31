import { describe, expect, it } from 'vitest';
import { mergeReasoningDetails, mergeToolCallDeltas } from './merge.ts';
import type { ReasoningDetail, ToolCall } from './wire-types.ts';

function mergeAll(fragments: ReasoningDetail[][]): ReasoningDetail[] {
  return fragments.reduce<ReasoningDetail[]>((entries, chunk) => mergeReasoningDetails(entries, chunk), []);
}

describe('mergeReasoningDetails', () => {
  it('concatenates text fragments of one entry and takes the signature from a late fragment', () => {
    const merged = mergeAll([
      [{ type: 'reasoning.text', text: 'Think', format: 'anthropic-claude-v1', index: 0 }],
      [{ type: 'reasoning.text', text: 'ing.', format: 'anthropic-claude-v1', index: 0 }],
      [{ type: 'reasoning.text', signature: 'sig==', format: 'anthropic-claude-v1', index: 0 }],
      [{ type: 'reasoning.text', text: '', signature: null, index: 0 }],
    ]);
    expect(merged).toEqual([
      {
        type: 'reasoning.text',
        text: 'Thinking.',
        format: 'anthropic-claude-v1',
        index: 0,
        signature: 'sig==',
      },
    ]);
  });

  it('concatenates summaries and encrypted data, keeping ids and formats verbatim', () => {
    const merged = mergeAll([
      [{ type: 'reasoning.summary', summary: 'Plan', format: 'openai-responses-v1', index: 0 }],
      [
        { type: 'reasoning.summary', summary: ' ahead', index: 0 },
        { type: 'reasoning.encrypted', id: 'rs_1', data: 'AAA', format: 'openai-responses-v1', index: 1 },
      ],
      [{ type: 'reasoning.encrypted', data: 'BBB', index: 1 }],
    ]);
    expect(merged).toEqual([
      { type: 'reasoning.summary', summary: 'Plan ahead', format: 'openai-responses-v1', index: 0 },
      { type: 'reasoning.encrypted', id: 'rs_1', data: 'AAABBB', format: 'openai-responses-v1', index: 1 },
    ]);
  });

  it('matches fragments by id when they carry no index', () => {
    const merged = mergeAll([
      [{ type: 'reasoning.encrypted', id: 'rs_a', data: 'a1' }],
      [{ type: 'reasoning.encrypted', id: 'rs_b', data: 'b1' }],
      [{ type: 'reasoning.encrypted', id: 'rs_a', data: 'a2' }],
    ]);
    expect(merged).toEqual([
      { type: 'reasoning.encrypted', id: 'rs_a', data: 'a1a2' },
      { type: 'reasoning.encrypted', id: 'rs_b', data: 'b1' },
    ]);
  });

  it('continues the latest entry of the same type when fragments carry neither index nor id', () => {
    const merged = mergeAll([
      [{ type: 'reasoning.summary', summary: 'S' }],
      [{ type: 'reasoning.text', text: 'a' }],
      [{ type: 'reasoning.text', text: 'b' }],
      [{ type: 'reasoning.text', signature: 'sig' }],
    ]);
    expect(merged).toEqual([
      { type: 'reasoning.summary', summary: 'S' },
      { type: 'reasoning.text', text: 'ab', signature: 'sig' },
    ]);
  });

  it('returns the same array when fragments change nothing, and never mutates its input', () => {
    const existing: ReasoningDetail[] = [{ type: 'reasoning.text', text: 'a', index: 0 }];
    const frozen = structuredClone(existing);
    expect(mergeReasoningDetails(existing, [])).toBe(existing);
    expect(mergeReasoningDetails(existing, undefined)).toBe(existing);
    expect(mergeReasoningDetails(existing, [{ type: 'reasoning.text', text: '', index: 0 }])).toBe(existing);
    const next = mergeReasoningDetails(existing, [{ type: 'reasoning.text', text: 'b', index: 0 }]);
    expect(next).not.toBe(existing);
    expect(existing).toEqual(frozen);
  });

  it('merges into the given entries in place when given an appender, which receives the text pieces', () => {
    const existing: ReasoningDetail[] = [{ type: 'reasoning.text', text: 'a', index: 0 }];
    const entry = existing[0];
    const pieces: unknown[] = [];
    const append = (target: ReasoningDetail, key: string, piece: unknown) => {
      pieces.push(piece);
      (target as Record<string, unknown>)[key] = `${(target as Record<string, unknown>)[key]}${piece}`;
    };
    const next = mergeReasoningDetails(
      existing,
      [{ type: 'reasoning.text', text: 'b', signature: 's', index: 0 }],
      append,
    );
    expect(next).toBe(existing);
    expect(next[0]).toBe(entry);
    expect(entry).toEqual({ type: 'reasoning.text', text: 'ab', signature: 's', index: 0 });
    expect(pieces).toEqual(['b']);
    mergeReasoningDetails(existing, [{ type: 'reasoning.summary', summary: 'S' }], append);
    expect(existing).toEqual([entry, { type: 'reasoning.summary', summary: 'S' }]);
  });

  it('replaces only the entry a fragment touched', () => {
    const existing: ReasoningDetail[] = [
      { type: 'reasoning.summary', summary: 's', index: 0 },
      { type: 'reasoning.text', text: 't', index: 1 },
    ];
    const next = mergeReasoningDetails(existing, [{ type: 'reasoning.text', text: 'u', index: 1 }]);
    expect(next[0]).toBe(existing[0]);
    expect(next[1]).toEqual({ type: 'reasoning.text', text: 'tu', index: 1 });
  });
});

describe('mergeToolCallDeltas', () => {
  it('merges interleaved calls by index, appending arguments as raw text', () => {
    const steps = [
      [{ index: 0, id: 'call_a', type: 'function' as const, function: { name: 'search', arguments: '' } }],
      [{ index: 1, id: 'call_b', type: 'function' as const, function: { name: 'fetch', arguments: '{"u' } }],
      [{ index: 0, function: { arguments: '{"q":' } }],
      [
        { index: 1, function: { arguments: 'rl":1}' } },
        { index: 0, function: { arguments: '"x"}' } },
      ],
    ];
    const calls = steps.reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'search', arguments: '{"q":"x"}' }, index: 0 },
      { id: 'call_b', type: 'function', function: { name: 'fetch', arguments: '{"url":1}' }, index: 1 },
    ]);
  });

  it('matches deltas to calls by their index field when a provider starts at index 1', () => {
    const calls = [
      [{ index: 1, id: 'call_b', function: { name: 'second', arguments: '{"b":' } }],
      [{ index: 0, id: 'call_a', function: { name: 'first', arguments: '{"a":' } }],
      [{ index: 1, function: { arguments: '2}' } }],
      [{ index: 0, function: { arguments: '1}' } }],
    ].reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['call_a', 'first', '{"a":1}'],
      ['call_b', 'second', '{"b":2}'],
    ]);
  });

  it('keeps a lone call at index 2 as one call that receives its own deltas', () => {
    const calls = [
      [{ index: 2, id: 'call_c', function: { name: 'only', arguments: '{' } }],
      [{ index: 2, function: { arguments: '}' } }],
    ].reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls).toEqual([
      { id: 'call_c', type: 'function', function: { name: 'only', arguments: '{}' }, index: 2 },
    ]);
  });

  it('orders calls by index whatever order their first deltas arrive in', () => {
    const calls = [
      [{ index: 3, id: 'd', function: { name: 'd', arguments: '' } }],
      [
        { index: 1, id: 'b', function: { name: 'b', arguments: '' } },
        { index: 5, id: 'f', function: { name: 'f', arguments: '' } },
      ],
      [{ index: 0, id: 'a', function: { name: 'a', arguments: '' } }],
      [{ index: 3, function: { arguments: '{}' } }],
    ].reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls.map((call) => [call.id, call.function.arguments])).toEqual([
      ['a', ''],
      ['b', ''],
      ['d', '{}'],
      ['f', ''],
    ]);
  });

  it('takes an id or name from a later fragment when the first one lacked it', () => {
    const first = mergeToolCallDeltas([], [{ index: 0, function: { arguments: '{' } }]);
    const second = mergeToolCallDeltas(first, [
      { index: 0, id: 'call_late', function: { name: 'go', arguments: '}' } },
    ]);
    expect(second).toEqual([
      { id: 'call_late', type: 'function', function: { name: 'go', arguments: '{}' }, index: 0 },
    ]);
  });

  it('starts a new call when a whole call arrives again at index 0 with another id', () => {
    const calls = [
      [{ index: 0, id: 'call_1', function: { name: 'a', arguments: '{}' } }],
      [{ index: 0, id: 'call_2', function: { name: 'b', arguments: '{"x":1}' } }],
    ].reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls.map((call) => [call.id, call.function.name, call.function.arguments])).toEqual([
      ['call_1', 'a', '{}'],
      ['call_2', 'b', '{"x":1}'],
    ]);
  });

  it('sends a later id-less fragment at index 0 to the newest of the calls resent at index 0', () => {
    const calls = [
      [{ index: 0, id: 'call_1', function: { name: 'a', arguments: '{}' } }],
      [{ index: 0, id: 'call_2', function: { name: 'b', arguments: '{"x":' } }],
      [{ index: 0, function: { arguments: '1}' } }],
    ].reduce<ToolCall[]>((all, deltas) => mergeToolCallDeltas(all, deltas), []);
    expect(calls.map((call) => [call.id, call.function.arguments])).toEqual([
      ['call_1', '{}'],
      ['call_2', '{"x":1}'],
    ]);
  });

  it('treats calls built elsewhere, without an index, as standing at their position', () => {
    const existing: ToolCall[] = [
      { id: 'a', type: 'function', function: { name: 'f', arguments: '{' } },
      { id: 'b', type: 'function', function: { name: 'g', arguments: '{' } },
    ];
    const next = mergeToolCallDeltas(existing, [{ index: 1, function: { arguments: '}' } }]);
    expect(next[0]).toBe(existing[0]);
    expect(next[1]).toEqual({
      id: 'b',
      type: 'function',
      function: { name: 'g', arguments: '{}' },
      index: 1,
    });
  });

  it('returns the same array for empty deltas and keeps untouched calls by identity', () => {
    const existing = mergeToolCallDeltas(
      [],
      [
        { index: 0, id: 'a', function: { name: 'f', arguments: '' } },
        { index: 1, id: 'b', function: { name: 'g', arguments: '' } },
      ],
    );
    expect(mergeToolCallDeltas(existing, [])).toBe(existing);
    expect(mergeToolCallDeltas(existing, [{ index: 0, function: { arguments: '' } }])).toBe(existing);
    const next = mergeToolCallDeltas(existing, [{ index: 1, function: { arguments: '{}' } }]);
    expect(next[0]).toBe(existing[0]);
    expect(existing[1]?.function.arguments).toBe('');
  });
});
