// What a conversation with messages always needs together, as one chunk: the virtualised list and the
// message row (its parts, actions, tool calls, outcome parts). `lazy-message.tsx` imports it when a
// conversation has rows or a message is on its way; two chunks would be two requests where one does.
export { MessageListViewport } from '../message-list/message-list-viewport.tsx';
export { ChatMessageRoot } from './chat-message-root.tsx';
