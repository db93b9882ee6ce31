import type { TokenLogprob } from '@parley/client';

/** How sure the model was of a token, bucketed for styling (`data-confidence`). */
export type Confidence = 'high' | 'medium' | 'low';

// Bands chosen so that "low" means the model thought another token about as likely or likelier.
export const HIGH_CONFIDENCE = 0.9;
export const LOW_CONFIDENCE = 0.5;

export function probabilityOf(logprob: number): number {
  return Math.exp(logprob);
}

export function confidenceOf(probability: number): Confidence {
  if (probability >= HIGH_CONFIDENCE) return 'high';
  if (probability >= LOW_CONFIDENCE) return 'medium';
  return 'low';
}

/** `87%`, or `<1%` so a tiny probability never reads as zero. */
export function formatProbability(probability: number): string {
  const percent = probability * 100;
  if (percent > 0 && percent < 1) return '<1%';
  return `${Math.round(percent)}%`;
}

/** A token as a person can read it in a label: spaces trimmed, blanks and line breaks named. */
export function readableToken(token: string): string {
  if (token === '') return '(empty)';
  if (/^\s+$/.test(token)) return token.includes('\n') ? '(line break)' : '(space)';
  return token.trim();
}

/** A run of consecutive low-confidence tokens. */
export interface UncertainSpan {
  /** Index of its first token. */
  start: number;
  /** Index past its last token. */
  end: number;
  text: string;
  /** The lowest probability among its tokens. */
  probability: number;
}

/**
 * The reply's least confident spans: runs of consecutive tokens below {@link LOW_CONFIDENCE},
 * least likely first, at most `count`. Whitespace-only tokens neither start nor extend a span.
 */
export function leastConfidentSpans(logprobs: readonly TokenLogprob[], count: number): UncertainSpan[] {
  const spans: UncertainSpan[] = [];
  let current: UncertainSpan | undefined;
  logprobs.forEach((entry, index) => {
    const probability = probabilityOf(entry.logprob);
    if (probability < LOW_CONFIDENCE && entry.token.trim() !== '') {
      if (current && current.end === index) {
        current.end = index + 1;
        current.text += entry.token;
        current.probability = Math.min(current.probability, probability);
      } else {
        current = { start: index, end: index + 1, text: entry.token, probability };
        spans.push(current);
      }
    }
  });
  return spans
    .sort((a, b) => a.probability - b.probability || a.start - b.start)
    .slice(0, count)
    .map((span) => ({ ...span, text: span.text.trim() }));
}
