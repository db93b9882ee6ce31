import type { ChatMessage } from '@parley/client/chat';
import { priorText, sseFetch } from './feed.ts';

/** `count` settled messages, alternating user and assistant, as Parley keeps them. */
export function parleyMessages(count: number): ChatMessage[] {
  return Array.from(
    { length: count },
    (_, index): ChatMessage => ({
      id: `p${index}`,
      role: index % 2 === 0 ? 'user' : 'assistant',
      parts: [{ type: 'text', text: priorText(index) }],
      createdAt: index,
      status: 'complete',
    }),
  );
}

/** A fetch that streams the feed's tokens as chat completion chunks. */
export function parleyFetch() {
  const chunk = (delta: object, finish: string | null = null) => ({
    id: 'bench',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'bench/model',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return sseFetch([chunk({ role: 'assistant', content: '' })], (text) => chunk({ content: text }), [
    JSON.stringify(chunk({}, 'stop')),
  ]);
}
