import type { HighlighterCore } from 'shiki/core';
import { describe, expect, it } from 'vitest';
import { guardLineTimeLimit } from './highlight-tokens.ts';

type Result = { tokens: Uint32Array; ruleStack: unknown; stoppedEarly: boolean };

/**
 * A grammar whose lines end as the test says: `cut` is a line stopped by the time limit in the middle
 * of a comment it opened (its state is "in a comment"), `whole` a line tokenised to its end.
 */
function grammarThat(...outcomes: Array<'cut' | 'whole'>) {
  const calls: unknown[] = [];
  const grammar = {
    tokenizeLine2(_line: string, previous: unknown): Result {
      calls.push(previous);
      const outcome = outcomes.shift() ?? 'whole';
      return outcome === 'cut'
        ? { tokens: new Uint32Array([0, 1]), ruleStack: 'in a comment', stoppedEarly: true }
        : { tokens: new Uint32Array([0, 2]), ruleStack: 'after the line', stoppedEarly: false };
    },
  };
  const instance = { getLanguage: () => grammar } as unknown as HighlighterCore;
  return { grammar, instance, calls };
}

describe('a line cut short by the time limit', () => {
  it('is tokenised once more, and its second, whole reading counts', () => {
    const { grammar, instance, calls } = grammarThat('cut', 'whole');
    guardLineTimeLimit(instance, 'ts');
    const result = grammar.tokenizeLine2('/* a comment', 'start');
    expect(result).toEqual({
      tokens: new Uint32Array([0, 2]),
      ruleStack: 'after the line',
      stoppedEarly: false,
    });
    expect(calls).toEqual(['start', 'start']);
  });

  it('cut twice, keeps its partial colours but leaves the next line the state before it', () => {
    const { grammar, instance } = grammarThat('cut', 'cut');
    guardLineTimeLimit(instance, 'ts');
    const result = grammar.tokenizeLine2('/* a comment', 'start');
    expect(result.tokens).toEqual(new Uint32Array([0, 1]));
    expect(result.ruleStack).toBe('start');
  });

  it('is the only line read twice; a grammar is wrapped once however often it is guarded', () => {
    const { grammar, instance, calls } = grammarThat('whole');
    guardLineTimeLimit(instance, 'ts');
    guardLineTimeLimit(instance, 'ts');
    expect(grammar.tokenizeLine2('const x = 1', 'start').ruleStack).toBe('after the line');
    expect(calls).toHaveLength(1);
  });

  it('leaves plain text, which has no grammar, alone', () => {
    const instance = {
      getLanguage: () => {
        throw new Error('Language `text` not found');
      },
    } as unknown as HighlighterCore;
    expect(() => guardLineTimeLimit(instance, 'text')).not.toThrow();
  });
});
