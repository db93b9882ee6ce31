import type { ContentPart, Message, ModelEndpoint, Usage } from '@parley/client';
import { lastIndexOfRole, textOf } from '../generate/conversation.ts';
import { countTokens } from '../generate/tokens.ts';
import type { ChatRequest, Turn } from '../generate/turn.ts';

// Flat per-part token costs, in the range real providers charge for a small image or clip.
const IMAGE_TOKENS = 85;
const AUDIO_TOKENS = 120;
const VIDEO_TOKENS = 400;
// Per-message framing (role markers), as OpenAI's tokenizer guide counts it.
const MESSAGE_OVERHEAD_TOKENS = 4;
// Providers cache in blocks and only past a minimum length; scaled down to the simulator's tokens.
const CACHE_BLOCK_TOKENS = 16;
const CACHE_MIN_TOKENS = 32;

function partTokens(part: ContentPart): number {
  switch (part.type) {
    case 'text':
      return countTokens(part.text);
    case 'image_url':
      return IMAGE_TOKENS;
    case 'input_audio':
      return AUDIO_TOKENS;
    default:
      return VIDEO_TOKENS;
  }
}

export function messageTokens(message: Message): number {
  const content = message.content as string | ContentPart[] | null | undefined;
  let tokens = MESSAGE_OVERHEAD_TOKENS;
  if (typeof content === 'string') tokens += countTokens(content);
  else if (Array.isArray(content)) for (const part of content) tokens += partTokens(part);
  if (message.role === 'assistant') {
    for (const call of message.tool_calls ?? [])
      tokens += countTokens(call.function.name + call.function.arguments);
  }
  return tokens;
}

export function promptTokens(params: ChatRequest): number {
  let tokens = params.messages.reduce((sum, message) => sum + messageTokens(message), 0);
  if (params.tools?.length) tokens += countTokens(JSON.stringify(params.tools));
  if (params.response_format?.type === 'json_schema')
    tokens += countTokens(JSON.stringify(params.response_format));
  return tokens;
}

/**
 * Simulated prompt caching: on an endpoint that caches implicitly, the conversation before the
 * last user message was seen on the previous turn, so it counts as cached, in whole blocks.
 */
export function cachedTokens(params: ChatRequest, endpoint: ModelEndpoint): number {
  if (!endpoint.supports_implicit_caching) return 0;
  const prefix = params.messages.slice(0, Math.max(0, lastIndexOfRole(params.messages, 'user')));
  const tokens = prefix.reduce((sum, message) => sum + messageTokens(message), 0);
  return tokens >= CACHE_MIN_TOKENS ? tokens - (tokens % CACHE_BLOCK_TOKENS) : 0;
}

export function completionCounts(turn: Turn): { completion: number; reasoning: number } {
  const reasoning = (turn.reasoning?.text.length ?? 0) + (turn.reasoning?.summary?.length ?? 0);
  const tools = turn.toolCalls.reduce((sum, call) => sum + countTokens(call.arguments) + 1, 0);
  const refusal = turn.refusal?.length ?? 0;
  return { completion: turn.content.length + refusal + reasoning + tools, reasoning };
}

export function buildUsage(params: ChatRequest, turn: Turn, endpoint: ModelEndpoint): Usage {
  const prompt = promptTokens(params);
  const cached = cachedTokens(params, endpoint);
  const { completion, reasoning } = completionCounts(turn);
  const price = (value: string | undefined) => Number(value ?? 0);
  const cost =
    (prompt - cached) * price(endpoint.pricing.prompt) +
    cached * price(endpoint.pricing.input_cache_read ?? endpoint.pricing.prompt) +
    completion * price(endpoint.pricing.completion);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: cached },
    completion_tokens_details: { reasoning_tokens: reasoning },
    cost: Number(cost.toPrecision(6)),
  };
}

/** The text a user message carries, for the context-length check's message. */
export function describeText(message: Message): string {
  return textOf(message.content as string | ContentPart[] | null | undefined);
}
