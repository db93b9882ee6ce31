/**
 * Adding up token usage, for the conversation total the chat keeps (`ChatState.usageTotal`): every
 * reply counts, regenerated and branched-away ones included, since each was billed.
 */
import type { Usage } from '../wire-types.ts';
import type { ChatMessage } from './chat-types.ts';

function addOptional(a: number | null | undefined, b: number | null | undefined): number | undefined {
  if (typeof a !== 'number' && typeof b !== 'number') return undefined;
  return (a ?? 0) + (b ?? 0);
}

/**
 * The sum of two usages; token details are summed where either side has them. The cost only where
 * both have it: a total of reported costs that silently left out a reply the server did not price
 * would read as exact and be too low, so such a total has no `cost` and is estimated (and marked so).
 */
export function addUsage(total: Usage | undefined, usage: Usage): Usage {
  if (!total) return usage;
  const sum: Usage = {
    prompt_tokens: total.prompt_tokens + usage.prompt_tokens,
    completion_tokens: total.completion_tokens + usage.completion_tokens,
    total_tokens: total.total_tokens + usage.total_tokens,
  };
  const reasoning = addOptional(
    total.completion_tokens_details?.reasoning_tokens,
    usage.completion_tokens_details?.reasoning_tokens,
  );
  if (reasoning !== undefined) sum.completion_tokens_details = { reasoning_tokens: reasoning };
  const cached = addOptional(
    total.prompt_tokens_details?.cached_tokens,
    usage.prompt_tokens_details?.cached_tokens,
  );
  if (cached !== undefined) sum.prompt_tokens_details = { cached_tokens: cached };
  if (typeof total.cost === 'number' && typeof usage.cost === 'number') {
    // Summed in floating point, so round to the precision providers bill in (1e-9 dollars).
    sum.cost = Math.round((total.cost + usage.cost) * 1e9) / 1e9;
  }
  return sum;
}

/** The total usage of the replies among `messages`; `undefined` when none reported any. */
export function sumUsage(messages: Iterable<ChatMessage>): Usage | undefined {
  let total: Usage | undefined;
  for (const message of messages) if (message.usage) total = addUsage(total, message.usage);
  return total;
}

/**
 * The usage of the latest reply that reported one (`ChatState.usage`, as after its request): a conversation
 * opened or restored says how much of the model's context it fills, not nothing until the next reply.
 */
export function lastUsage(
  messageIds: readonly string[],
  messagesById: Readonly<Record<string, ChatMessage>>,
): Usage | undefined {
  for (let index = messageIds.length - 1; index >= 0; index--) {
    const usage = messagesById[messageIds[index] as string]?.usage;
    if (usage) return usage;
  }
  return undefined;
}
