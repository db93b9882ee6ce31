import { tokenize } from './tokens.ts';
import type { ChatRequest, Turn } from './turn.ts';

/**
 * Applies `stop` and `max_tokens` / `max_completion_tokens` to the answer text: a stop sequence
 * cuts the content before it (finish `stop`); running out of tokens cuts it (finish `length`).
 * Reasoning and tool-call arguments are not cut, so a cut never leaves invalid JSON behind.
 */
export function applyLimits(turn: Turn, params: ChatRequest): Turn {
  let content = turn.content;
  let finishReason = turn.finishReason;
  const stops = params.stop == null ? [] : typeof params.stop === 'string' ? [params.stop] : params.stop;
  const text = content.join('');
  const cut = stops
    .filter((stop) => stop !== '')
    .map((stop) => text.indexOf(stop))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b)[0];
  if (cut !== undefined) {
    content = tokenize(text.slice(0, cut));
    finishReason = 'stop';
  }
  const budget = params.max_completion_tokens ?? params.max_tokens;
  if (budget != null && content.length > budget) {
    content = content.slice(0, budget);
    finishReason = 'length';
  }
  if (content === turn.content) return turn;
  // A citation whose sentence was cut would point past the text.
  const end = content.join('').length;
  const annotations = turn.annotations?.filter((item) => item.url_citation.end_index <= end);
  return { ...turn, content, finishReason, ...(annotations ? { annotations } : {}) };
}
