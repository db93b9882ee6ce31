import type { ReasoningDetail, ReasoningEffort } from '@parley/client';
import { countRole, lastUserText, plural, quote, systemText, wordsOf } from './conversation.ts';
import { describeConversation, keywords } from './echo.ts';
import { hexDigest } from './prng.ts';
import { checkReasoningContinuity } from './reasoning-check.ts';
import { encryptReasoning, REASONING_ID_PREFIX, signReasoning } from './signature.ts';
import { tokenize } from './tokens.ts';
import { type GenerationContext, type ReasoningOutput, type Turn, textTurn } from './turn.ts';

/** Reasoning steps per effort; `none` turns reasoning off. */
const STEPS_BY_EFFORT: Record<ReasoningEffort, number> = {
  none: 0,
  minimal: 1,
  low: 2,
  medium: 4,
  high: 6,
  xhigh: 8,
};

// OpenAI-style models return encrypted reasoning at the top efforts; the simulator follows that rule.
const ENCRYPTED_EFFORTS: ReadonlySet<ReasoningEffort> = new Set(['high', 'xhigh']);
const FORMAT = 'unknown' as const;

/**
 * `parley/reasoner`: thinks in steps drawn from the conversation, then answers. The amount follows
 * `reasoning.effort` (default medium), a summary follows `reasoning.summary`, and the high
 * efforts add an encrypted entry. Earlier answers must come back with their details intact.
 */
export function generateReasoner(context: GenerationContext): Turn {
  const { params, rng, memory } = context;
  checkReasoningContinuity(params.messages, memory);

  const effort = params.reasoning?.effort ?? 'medium';
  const steps = reasoningSteps(context).slice(0, STEPS_BY_EFFORT[effort]);
  const answer = describeConversation(params.messages, rng);
  if (steps.length === 0) return textTurn(answer);

  const content = `After ${steps.length === 1 ? 'a moment' : `${steps.length} steps`} of thought: ${answer}`;
  memory.remember(content);
  const text = steps.join('\n\n');
  const summaryMode = params.reasoning?.summary;
  const summary = summaryMode ? summarise(steps, summaryMode) : null;
  const encrypted = ENCRYPTED_EFFORTS.has(effort) ? encryptReasoning(text) : null;
  const reasoning = buildReasoning(text, summary, encrypted);
  return { reasoning, content: tokenize(content), toolCalls: [], finishReason: 'stop' };
}

function buildReasoning(text: string, summary: string | null, encrypted: string | null): ReasoningOutput {
  const id = `${REASONING_ID_PREFIX}${hexDigest(text, 20)}`;
  const signature = signReasoning(text);
  const details: ReasoningDetail[] = [
    { type: 'reasoning.text', text, signature, id, format: FORMAT, index: 0 },
  ];
  if (summary !== null)
    details.push({ type: 'reasoning.summary', summary, id, format: FORMAT, index: details.length });
  if (encrypted !== null)
    details.push({ type: 'reasoning.encrypted', data: encrypted, id, format: FORMAT, index: details.length });
  return {
    text: tokenize(text),
    signature,
    summary: summary === null ? null : tokenize(summary),
    encrypted,
    details,
  };
}

function reasoningSteps({ params, rng }: GenerationContext): string[] {
  const user = lastUserText(params.messages);
  const words = wordsOf(user);
  const terms = keywords(user, 3);
  const earlier = params.messages.length - 1;
  const system = systemText(params.messages);
  return [
    `**Reading the message.** The user wrote ${quote(user, 20)}, ${plural(words.length, 'word')} in all.`,
    terms.length > 0
      ? `**Finding the subject.** The terms that carry the meaning seem to be ${terms.join(', ')}.`
      : '**Finding the subject.** There are no long words to go on, so the message is probably a greeting or a short reply.',
    `**Checking the context.** ${earlier > 0 ? `Before it come ${plural(earlier, 'earlier message')}, ${countRole(params.messages, 'user') - 1} of them from the user.` : 'This is the start of the conversation.'} ${system ? `The instructions say ${quote(system, 12)}.` : 'No instructions were given.'}`,
    `**Planning the answer.** ${rng.pick(['I should', 'The best course is to', 'It makes sense to'])} quote the message back and say what I noticed, since I cannot know more than it says.`,
    `**Looking for a catch.** ${user.includes('?') ? 'It is a question, so the answer should admit that a simulator cannot answer it.' : 'It is not a question, so a plain reflection will do.'}`,
    `**Weighing the length.** ${words.length > 60 ? 'The message is long, so I will summarise rather than quote all of it.' : 'The message is short enough to quote in full.'}`,
    `**Double-checking.** Rereading ${quote(user, 8)} once more: nothing I missed.`,
    '**Final check.** The answer is honest about what I am, and it is ready.',
  ];
}

function summarise(steps: string[], mode: 'auto' | 'concise' | 'detailed'): string {
  const headings = steps.map((step) => step.match(/^\*\*(.+?)\*\*/)?.[1]?.replace(/\.$/, '') ?? step);
  if (mode === 'concise')
    return `I read the message and planned a plain answer in ${plural(steps.length, 'step')}.`;
  if (mode === 'detailed') return headings.map((heading) => `- ${heading}`).join('\n');
  return `${headings.slice(0, 2).join(', then ')}${headings.length > 2 ? `, and ${plural(headings.length - 2, 'more step')}` : ''}.`;
}
