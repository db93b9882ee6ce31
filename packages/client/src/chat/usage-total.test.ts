import { describe, expect, it } from 'vitest';
import { addUsage } from './usage-total.ts';

const usage = (prompt: number, completion: number, cost?: number) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  ...(cost === undefined ? {} : { cost }),
});

describe('addUsage', () => {
  it('adds tokens and the costs the server reported', () => {
    expect(addUsage(usage(10, 5, 0.1), usage(20, 5, 0.2))).toEqual(usage(30, 10, 0.3));
  });

  it('leaves the cost out when a reply had none, so the total is not taken for exact and too low', () => {
    expect(addUsage(usage(10, 5, 0.1), usage(20, 5))).toEqual(usage(30, 10));
    expect(addUsage(usage(10, 5), usage(20, 5, 0.2))).toEqual(usage(30, 10));
    expect(addUsage(addUsage(usage(1, 1), usage(1, 1, 0.5)), usage(1, 1, 0.5)).cost).toBeUndefined();
  });
});
