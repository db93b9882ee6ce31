import type { ChatMessage } from '@parley/client/chat';
import { priorText } from './feed.ts';

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
