import type { TokenLogprob } from '@parley/client';
import type { Rng } from '../generate/prng.ts';

const encoder = new TextEncoder();
// The spec caps top_logprobs at 20, like OpenAI.
export const MAX_TOP_LOGPROBS = 20;

const ALTERNATIVES = [' the', ' a', ',', '.', ' and', ' of', ' to', ' is', ' it', ' that', ' in', ' I'];

/**
 * Plausible log-probabilities: the chosen token is the likeliest, alternatives trail off. They
 * come from the request's random stream, so they are as deterministic as the text.
 */
export function tokenLogprob(token: string, topCount: number, rng: Rng): TokenLogprob {
  const logprob = round(-(rng.next() ** 3) * 2.5);
  const top: TokenLogprob['top_logprobs'] = [{ token, logprob, bytes: bytesOf(token) }];
  let next = logprob;
  const pool = [token.trim() === token ? ` ${token}` : token.trim(), token.toUpperCase(), ...ALTERNATIVES];
  for (const candidate of pool) {
    if (top.length >= topCount) break;
    if (top.some((entry) => entry.token === candidate)) continue;
    next = round(next - 0.5 - rng.next() * 2);
    top.push({ token: candidate, logprob: next, bytes: bytesOf(candidate) });
  }
  return { token, logprob, bytes: bytesOf(token), top_logprobs: top.slice(0, topCount) };
}

function bytesOf(token: string): number[] {
  return Array.from(encoder.encode(token));
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
