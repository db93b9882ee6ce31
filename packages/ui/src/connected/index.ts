export { Chat, type ChatProps } from './chat.tsx';
export { ChatComposer, type ChatComposerProps } from './chat-composer.tsx';
export { ChatErrorNotice, type ChatErrorNoticeProps } from './chat-error-notice.tsx';
export { ChatMessages, type ChatMessagesActions, type ChatMessagesProps } from './chat-messages.tsx';
export { ChatThreadList, type ChatThreadListProps } from './chat-thread-list.tsx';
