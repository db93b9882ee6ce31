export * as Chat from './chat-parts.ts';
