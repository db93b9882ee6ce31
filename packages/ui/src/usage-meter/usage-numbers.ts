import type { ModelPricing, Usage } from '@parley/client';

/** A cost in US dollars, and whether it was reported by the server or estimated from prices. */
export interface UsageCost {
  usd: number;
  estimated: boolean;
}

const price = (value: string | undefined): number => {
  const parsed = Number(value ?? 0);
  return Number.isFinite(parsed) ? parsed : 0;
};

/**
 * The cost of `usage`: the server's `usage.cost` when it reported one, otherwise an estimate from
 * the model's per-token `pricing` (cached prompt tokens at the cache-read price when there is
 * one; reasoning tokens are part of `completion_tokens`, priced as completion). `undefined` when
 * there is neither.
 */
export function usageCost(
  usage: Usage | undefined,
  pricing: ModelPricing | undefined,
): UsageCost | undefined {
  if (!usage) return undefined;
  if (typeof usage.cost === 'number') return { usd: usage.cost, estimated: false };
  if (!pricing) return undefined;
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const usd =
    (usage.prompt_tokens - cached) * price(pricing.prompt) +
    cached * price(pricing.input_cache_read ?? pricing.prompt) +
    usage.completion_tokens * price(pricing.completion) +
    price(pricing.request);
  return { usd, estimated: true };
}

/** `$0.0123`, with four significant digits below a cent so small costs do not read as zero. */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (Math.abs(usd) >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(3)).toString()}`;
}

export function formatTokens(tokens: number): string {
  return tokens.toLocaleString('en');
}

// OpenAI's rule of thumb for English text: about four characters per token. Only for a warning
// before sending; the server's count is the truth once it answers.
const CHARACTERS_PER_TOKEN = 4;

/** A rough token count for text not yet sent (the draft), to warn before it would overflow. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

/** Where a conversation stands against the model's context window. */
export type ContextState = 'ok' | 'near' | 'over';

// Warn once the next send would fill this share of the window: the reply needs room too.
export const CONTEXT_NEAR_RATIO = 0.8;

/** `over` when the next send would not fit; `near` when it would fill most of the window. */
export function contextState(used: number, next: number, contextLength: number): ContextState {
  if (used + next > contextLength) return 'over';
  if (used + next >= contextLength * CONTEXT_NEAR_RATIO) return 'near';
  return 'ok';
}
