export * as Chat from './chat-parts.ts';
export * as ThreadList from './thread-list-parts.ts';
