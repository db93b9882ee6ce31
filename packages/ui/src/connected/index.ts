export * as Chat from './chat-parts.ts';
export { preloadConversation } from './preload-conversation.ts';
export * as ThreadList from './thread-list-parts.ts';
