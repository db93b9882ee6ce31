/** Figures a UI shows under a reply, derived from its timing and usage. */
import type { ChatMessage } from './chat-types.ts';

/** Time to first token, generation speed and reasoning time of a reply, where known. */
export interface ChatMessageMetrics {
  /** From sending the request to the first streamed token, in milliseconds. */
  timeToFirstTokenMs?: number;
  /** Completion tokens per second between the first token and the end (needs usage). */
  tokensPerSecond?: number;
  /** How long the model reasoned, in milliseconds. */
  reasoningDurationMs?: number;
  /** From sending the request to the end of the reply, in milliseconds. */
  totalMs?: number;
}

/** Computes {@link ChatMessageMetrics} for a message; fields are absent when the data is missing. */
export function getMessageMetrics(message: ChatMessage): ChatMessageMetrics {
  const metrics: ChatMessageMetrics = {};
  const timing = message.timing;
  if (timing?.firstTokenAt !== undefined) metrics.timeToFirstTokenMs = timing.firstTokenAt - timing.startedAt;
  if (timing?.endedAt !== undefined) metrics.totalMs = timing.endedAt - timing.startedAt;
  const tokens = message.usage?.completion_tokens;
  if (tokens !== undefined && timing?.firstTokenAt !== undefined && timing.endedAt !== undefined) {
    const seconds = (timing.endedAt - timing.firstTokenAt) / 1000;
    if (seconds > 0) metrics.tokensPerSecond = tokens / seconds;
  }
  if (message.reasoning?.durationMs !== undefined) metrics.reasoningDurationMs = message.reasoning.durationMs;
  return metrics;
}
