import { countRole, lastUserText, ordinal, plural, quote, systemText, wordsOf } from './conversation.ts';
import type { Rng } from './prng.ts';
import { type GenerationContext, type Turn, textTurn } from './turn.ts';

// Past this many words the echo model summarises instead of quoting.
const QUOTE_LIMIT_WORDS = 60;

const STOP_WORDS = new Set(
  'the a an and or but if then of to in on at for with from by is are was were be been it this that these those you your i me my we our they them as not no yes do does did can could would should will just so than too very what which who how why when where there here about into over'.split(
    ' ',
  ),
);

/**
 * `parley/echo`: answers from the conversation. It quotes a short last user message or
 * summarises a long one, and says what else it was given. Words in the message steer it, so a
 * UI can be exercised on purpose: "markdown" adds formatted content, "long" several paragraphs.
 */
export function generateEcho({ params, rng }: GenerationContext): Turn {
  return textTurn(describeConversation(params.messages, rng));
}

export function describeConversation(messages: Parameters<typeof lastUserText>[0], rng: Rng): string {
  const user = lastUserText(messages);
  if (user.trim() === '') {
    return `There is no user message to answer yet: I was given ${plural(messages.length, 'message')}, none from the user with text.`;
  }
  const paragraphs = [reflect(user, rng)];
  const turns = countRole(messages, 'user');
  const system = systemText(messages);
  const context = [`This is your ${ordinal(turns)} message${turns > 1 ? ' in this conversation' : ''}.`];
  if (system) context.push(`I was also given instructions: ${quote(system, 16)}.`);
  if (user.includes('?')) context.push(rng.pick(QUESTION_REMARKS));
  paragraphs.push(context.join(' '));

  const words = new Set(wordsOf(user));
  if (words.has('markdown')) paragraphs.push(MARKDOWN_SAMPLE);
  if (words.has('long')) paragraphs.push(...longText(user, rng));
  return paragraphs.join('\n\n');
}

const QUESTION_REMARKS = [
  'You asked a question; I am a simulator, so I can only reflect it back.',
  'That is a question, and a simulated model has no real answer to it.',
  'I cannot really answer questions: I only read them back.',
];

function reflect(user: string, rng: Rng): string {
  const words = user.trim().split(/\s+/);
  if (words.length <= QUOTE_LIMIT_WORDS) {
    const opener = rng.pick(['You said', 'Your message reads', 'I read', 'You wrote']);
    return `${opener}: ${quote(user)} (${plural(words.length, 'word')}).`;
  }
  const sentences = user.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim() !== '');
  const first = sentences[0] ?? user;
  return [
    `Your message is ${plural(words.length, 'word')} in ${plural(sentences.length, 'sentence')}.`,
    `It opens with ${quote(first, 24)}`,
    `and the words that stand out are ${keywords(user).join(', ')}.`,
  ].join(' ');
}

/** The most frequent content words, most frequent first, ties in order of appearance. */
export function keywords(text: string, count = 5): string[] {
  const frequency = new Map<string, number>();
  for (const word of wordsOf(text)) {
    if (word.length < 4 || STOP_WORDS.has(word)) continue;
    frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([word]) => word);
}

const MARKDOWN_SAMPLE = [
  '## What markdown looks like here',
  '',
  'Some **bold**, some *italic*, some `inline code` and a [link](https://example.com).',
  '',
  '- a list item',
  '- another, with `code`',
  '',
  '1. first',
  '2. second',
  '',
  '| column | value |',
  '| ------ | ----- |',
  '| alpha  | 1     |',
  '| beta   | 2     |',
  '',
  '```ts',
  "const greeting = 'hello';",
  'console.log(greeting);',
  '```',
  '',
  '> A quotation, to close.',
].join('\n');

function longText(user: string, rng: Rng): string[] {
  const topics = keywords(user, 8);
  const subject = topics.length > 0 ? topics : ['this', 'conversation'];
  return Array.from({ length: 6 }, (_, index) => {
    const topic = subject[index % subject.length];
    return `Paragraph ${index + 1}. ${rng.pick(LONG_OPENERS)} ${topic}. ${rng.pick(LONG_MIDDLES)} ${rng.pick(LONG_ENDS)}`;
  });
}

const LONG_OPENERS = [
  'Consider the word',
  'Think again about',
  'Return for a moment to',
  'Look once more at',
];
const LONG_MIDDLES = [
  'A simulated model has nothing to add to it, but it can fill the screen so you can see how a long answer scrolls.',
  'This sentence exists to make the answer long enough to test scrolling, wrapping and streaming.',
  'Each paragraph is made from your own words so the text changes when your message does.',
];
const LONG_ENDS = ['That is all for this paragraph.', 'On to the next one.', 'The stream keeps going.'];
