export type { ChatScheduler } from './chat-notify.ts';
export { frameScheduler, syncScheduler } from './chat-notify.ts';
export type { ChatPersistence, PersistedChat, StorageLike } from './chat-persistence.ts';
export { createLocalStoragePersistence } from './chat-persistence.ts';
export type { ChatRouteAttempt } from './chat-route.ts';
export type { ChatMessageMetrics } from './chat-selectors.ts';
export {
  getMessageMetrics,
  getMessageText,
  lastAssistantMessage,
  selectBranch,
  selectMessages,
} from './chat-selectors.ts';
export type { ChatBranch, ChatPendingRetry, ChatState } from './chat-state.ts';
export { createChatStore } from './chat-store.ts';
export type {
  ChatFinishInfo,
  ChatRequestParams,
  ChatStore,
  ChatStoreOptions,
  ChatToolCallInfo,
} from './chat-store-types.ts';
export type { ChatTool, ChatToolContext } from './chat-tools.ts';
export type {
  ChatAudioPart,
  ChatErrorInfo,
  ChatImagePart,
  ChatMessage,
  ChatMessageStatus,
  ChatNotice,
  ChatPart,
  ChatReasoning,
  ChatStatus,
  ChatTextPart,
  ChatTiming,
  ChatToolCall,
  ChatToolCallState,
  ChatVideoPart,
} from './chat-types.ts';
export * from './threads/index.ts';
export type { JsonSchema, JsonSchemaIssue } from './validate-json-schema.ts';
export { validateJsonSchema } from './validate-json-schema.ts';
