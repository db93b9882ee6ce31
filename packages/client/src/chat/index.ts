export type { ChatDeltaEvent, ChatEvent, ChatToolCallUpdate } from './chat-events.ts';
export { chunkToEvents, isDeltaEvent } from './chat-events.ts';
export { type ChatMessageMetrics, getMessageMetrics } from './chat-metrics.ts';
export type { ChatPersistence, PersistedChat, StorageLike } from './chat-persistence.ts';
export { createLocalStoragePersistence, restoreMessage, toPersistedChat } from './chat-persistence.ts';
export { type ChatRouteAttempt, parseRouteHeader, ROUTE_HEADER } from './chat-route.ts';
export type { ChatScheduler } from './chat-scheduler.ts';
export { frameScheduler, syncScheduler } from './chat-scheduler.ts';
export type { ChatBranch, ChatPendingRetry, ChatState } from './chat-state.ts';
export { createInitialChatState } from './chat-state.ts';
export { createChatStore } from './chat-store.ts';
export { fromPersistedChat, lastAssistantMessage, selectMessages } from './chat-store-helpers.ts';
export type {
  ChatFinishInfo,
  ChatRequestParams,
  ChatStore,
  ChatStoreOptions,
  ChatToolCallInfo,
} from './chat-store-types.ts';
export type { ChatTool, ChatToolContext, ParsedToolArguments } from './chat-tools.ts';
export {
  isPendingToolCall,
  parseToolArguments,
  serializeToolResult,
  toToolDefinitions,
} from './chat-tools.ts';
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
  ParleyErrorKind,
} from './chat-types.ts';
export { reduceChat } from './reduce-chat.ts';
export { applyDelta, endMessage } from './reduce-message.ts';
export * from './threads/index.ts';
export { getMessageText, toolCallContent, toRequestMessages } from './to-request-messages.ts';
export type { JsonSchema, JsonSchemaIssue } from './validate-json-schema.ts';
export { validateJsonSchema } from './validate-json-schema.ts';
