import { type ChatMessage, getMessageMetrics } from '@parley/client/chat';

/** One line of a message's details: a label and its value, ready to show. */
export interface MessageDetail {
  label: string;
  value: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const count = (value: number) => value.toLocaleString('en');

/**
 * Timing and usage of a message as label and value pairs: time to first token, duration, speed,
 * tokens in and out, reasoning and cached tokens, cost. Only what is known is listed.
 */
export function messageDetails(message: ChatMessage): MessageDetail[] {
  const details: MessageDetail[] = [];
  const { usage } = message;
  // The figures come from the core, so the speed shown here is the one apps compute too.
  const metrics = getMessageMetrics(message);
  if (metrics.timeToFirstTokenMs !== undefined) {
    details.push({ label: 'Time to first token', value: seconds(metrics.timeToFirstTokenMs) });
  }
  if (metrics.totalMs !== undefined) details.push({ label: 'Duration', value: seconds(metrics.totalMs) });
  if (metrics.tokensPerSecond !== undefined) {
    details.push({ label: 'Speed', value: `${metrics.tokensPerSecond.toFixed(1)} tokens/s` });
  }
  if (usage) {
    details.push({ label: 'Prompt tokens', value: count(usage.prompt_tokens) });
    details.push({ label: 'Completion tokens', value: count(usage.completion_tokens) });
    const reasoning = usage.completion_tokens_details?.reasoning_tokens;
    if (reasoning) details.push({ label: 'Reasoning tokens', value: count(reasoning) });
    const cached = usage.prompt_tokens_details?.cached_tokens;
    if (cached) details.push({ label: 'Cached prompt tokens', value: count(cached) });
    if (usage.cost !== undefined) details.push({ label: 'Cost', value: `${usage.cost} credits` });
  }
  if (message.finishReason) details.push({ label: 'Finish reason', value: message.finishReason });
  return details;
}
