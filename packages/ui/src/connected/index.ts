export { ChatMessages, type ChatMessagesActions, type ChatMessagesProps } from './chat-messages.tsx';
