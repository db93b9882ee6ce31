import { type ChatMessage, getMessageMetrics } from '@parley/client/chat';

/** One line of a message's details: a label and its value, ready to show. */
export interface MessageDetail {
  label: string;
  value: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/**
 * Timing of a message as label and value pairs: time to first token, duration, speed, and why it
 * ended. Only what is known is listed. Its tokens and cost are the usage meter's to show, beside
 * this list in `Message.Details` (with an estimate when the server reported no cost).
 */
export function messageDetails(message: ChatMessage): MessageDetail[] {
  const details: MessageDetail[] = [];
  // The figures come from the core, so the speed shown here is the one apps compute too.
  const metrics = getMessageMetrics(message);
  if (metrics.timeToFirstTokenMs !== undefined) {
    details.push({ label: 'Time to first token', value: seconds(metrics.timeToFirstTokenMs) });
  }
  if (metrics.totalMs !== undefined) details.push({ label: 'Duration', value: seconds(metrics.totalMs) });
  if (metrics.tokensPerSecond !== undefined) {
    details.push({ label: 'Speed', value: `${metrics.tokensPerSecond.toFixed(1)} tokens/s` });
  }
  if (message.finishReason) details.push({ label: 'Finish reason', value: message.finishReason });
  return details;
}
