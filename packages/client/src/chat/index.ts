export type { ChatScheduler } from './chat-notify.ts';
export { frameScheduler, syncScheduler } from './chat-notify.ts';
export type { ChatPersistence, PersistedChat, StorageLike } from './chat-persistence.ts';
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
export { createLocalStoragePersistence } from './local-storage-persistence.ts';
export { mergeThreads } from './threads/merge-thread.ts';
export { migrateThread } from './threads/migrate-thread.ts';
export { exportThreadsJson, importThreadsJson } from './threads/thread-json.ts';
export { exportThreadMarkdown, exportThreadsMarkdown } from './threads/thread-markdown.ts';
export { importThreadsMarkdown } from './threads/thread-markdown-import.ts';
export {
  createIndexedDbThreadStorage,
  createLocalStorageThreadStorage,
  createMemoryThreadStorage,
  type ListableStorageLike,
} from './threads/thread-storages.ts';
export { createThreadStore } from './threads/thread-store.ts';
export { compareThreads, matchesThread, toThreadSummary } from './threads/thread-summary.ts';
export { ThreadDeletedError } from './threads/thread-tombstone.ts';
export type {
  Thread,
  ThreadChat,
  ThreadInit,
  ThreadIssue,
  ThreadSaveError,
  ThreadStorage,
  ThreadStore,
  ThreadStoreOptions,
  ThreadStoreState,
  ThreadSummary,
  ThreadTombstone,
} from './threads/thread-types.ts';
export { THREAD_VERSION } from './threads/thread-types.ts';
export { parseMessage, parseThread } from './threads/validate-thread.ts';
export type { JsonSchema, JsonSchemaIssue } from './validate-json-schema.ts';
export { validateJsonSchema } from './validate-json-schema.ts';
