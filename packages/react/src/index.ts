'use client';
export type { ChatProviderProps } from './chat-provider.tsx';
export { ChatProvider, useChatStore } from './chat-provider.tsx';
export type { ParleyConnection } from './connection.ts';
export {
  attachmentKind,
  fileToChatPart,
  recordingToChatPart,
  UnsupportedAttachmentError,
  urlToImagePart,
} from './content-parts.ts';
export type { ChatOptions } from './live-options.ts';
export type { ModelFilter, UseModelsOptions } from './models.ts';
export {
  modelEndpointsQueryOptions,
  modelsQueryOptions,
  queryKeys,
  useModelEndpoints,
  useModels,
} from './models.ts';
export type { ParleyProviderProps } from './parley-provider.tsx';
export { ParleyProvider, useParleyClient } from './parley-provider.tsx';
export type { PreferencesProviderProps } from './preferences-provider.tsx';
export {
  PreferencesProvider,
  useOptionalPreferencesStore,
  usePreferences,
  usePreferencesStore,
} from './preferences-provider.tsx';
export type {
  ChatPreferences,
  ChatPreferencesActions,
  ChatPreferencesState,
  ChatPreset,
  GenerationParams,
  PreferencesStore,
} from './preferences-store.ts';
export { baseModelId, createPreferencesStore, toRequestParams } from './preferences-store.ts';
export type { ThreadsProviderProps } from './threads-provider.tsx';
export { ThreadsProvider, useThreadStore } from './threads-provider.tsx';
export type { UseChatCompletionOptions, UseChatCompletionResult } from './use-chat-completion.ts';
export { useChatCompletion } from './use-chat-completion.ts';
export {
  useChatBranch,
  useChatError,
  useChatMessage,
  useChatMessageIds,
  useChatPendingRetry,
  useChatSelector,
  useChatStatus,
  useChatUsage,
} from './use-chat-selectors.ts';
export type { ServedPricing, UseModelPricingOptions } from './use-model-pricing.ts';
export { findServedPricing, useModelPricing } from './use-model-pricing.ts';
export type { UseThreadResult, UseThreadsResult } from './use-threads.ts';
export { useThread, useThreads } from './use-threads.ts';
