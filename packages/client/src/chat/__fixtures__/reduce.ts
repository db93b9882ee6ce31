import type { ChatEvent } from '../chat-events.ts';
import { type ChatState, createInitialChatState } from '../chat-state.ts';
import type { ChatMessage } from '../chat-types.ts';
import { reduceChat } from '../reduce-chat.ts';

/** Reducer tests' shared states: a history of user messages, and a reply 'a' that has started. */
export const user = (id: string, text: string): ChatMessage => ({
  id,
  role: 'user',
  parts: [{ type: 'text', text }],
  createdAt: 1,
  status: 'complete',
});

export const history = (count: number): ChatMessage[] =>
  Array.from({ length: count }, (_, index) => user(`u${index}`, `message ${index}`));

export const run = (state: ChatState, events: ChatEvent[]) => events.reduce(reduceChat, state);
export const streaming = (messages = history(3)) =>
  run(createInitialChatState(messages), [{ type: 'request-start', messageId: 'a', at: 1000 }]);
