import type { AssistantMessage, ContentPart, Message, ToolMessage } from '@parley/client';

/** The text of a message's content, parts joined; non-text parts are left out. */
export function textOf(content: string | ContentPart[] | null | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

export function lastIndexOfRole(messages: readonly Message[], role: Message['role']): number {
  for (let index = messages.length - 1; index >= 0; index--) {
    if (messages[index]?.role === role) return index;
  }
  return -1;
}

export function lastUserText(messages: readonly Message[]): string {
  const index = lastIndexOfRole(messages, 'user');
  const message = messages[index];
  return message && message.role === 'user' ? textOf(message.content) : '';
}

export function systemText(messages: readonly Message[]): string {
  return messages
    .filter((message) => message.role === 'system' || message.role === 'developer')
    .map((message) => textOf(message.content as string | ContentPart[]))
    .join('\n');
}

export function countRole(messages: readonly Message[], role: Message['role']): number {
  return messages.filter((message) => message.role === role).length;
}

/** The tool-call rounds since the last user message: each assistant message with calls, and its results. */
export interface ToolRound {
  assistant: AssistantMessage;
  results: { call: NonNullable<AssistantMessage['tool_calls']>[number]; message: ToolMessage | undefined }[];
}

export function roundsSinceLastUser(messages: readonly Message[]): ToolRound[] {
  const start = lastIndexOfRole(messages, 'user');
  const rounds: ToolRound[] = [];
  for (let index = start + 1; index < messages.length; index++) {
    const message = messages[index];
    if (message?.role !== 'assistant' || !message.tool_calls?.length) continue;
    const later = messages.slice(index + 1).filter((item): item is ToolMessage => item.role === 'tool');
    rounds.push({
      assistant: message,
      results: message.tool_calls.map((call) => ({
        call,
        message: later.find((result) => result.tool_call_id === call.id),
      })),
    });
  }
  return rounds;
}

/** The words of a text, lower-cased, for matching tools and picking keywords. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Quotes a text for an answer, shortened to about `maxWords` words. */
export function quote(text: string, maxWords = 40): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const shortened = words.length > maxWords ? `${words.slice(0, maxWords).join(' ')} …` : words.join(' ');
  return `“${shortened}”`;
}

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

export function ordinal(count: number): string {
  return ORDINALS[count - 1] ?? `${count}th`;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
