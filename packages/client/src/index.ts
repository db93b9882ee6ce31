export type { CompletionAccumulator } from './accumulator.ts';
export { createCompletionAccumulator } from './accumulator.ts';
export type {
  ChatCompletionsResource,
  ModelsResource,
  ParleyClient,
  ParleyClientOptions,
} from './client.ts';
export { createParleyClient } from './client.ts';
export type { ChatErrorInfo, ParleyErrorKind } from './error-info.ts';
export type { ParleyErrorOptions } from './errors.ts';
export {
  isParleyError,
  ParleyAbortError,
  ParleyError,
  ParleyHttpError,
  ParleyIncompleteStreamError,
  ParleyInvalidRequestError,
  ParleyInvalidResponseError,
  ParleyNetworkError,
  ParleyParseError,
  ParleyStreamError,
  ParleyTimeoutError,
  toChatErrorInfo,
} from './errors.ts';
export type { IndexedToolCall } from './merge.ts';
export { mergeReasoningDetails, mergeToolCallDeltas } from './merge.ts';
export type { RetryInfo, RetryScheduler } from './retry.ts';
export type { ChunkEventResult, ServerSentEvent } from './sse.ts';
export { decodeServerSentEvents, parseChunkEvent, parseChunkEvents } from './sse.ts';
export type { ChatCompletionStream } from './stream.ts';
export type { RequestOptions } from './transport.ts';
export type {
  Annotation,
  AssistantMessage,
  AudioContentPart,
  CacheControl,
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionChunkDelta,
  ChatCompletionNonStreamingParams,
  ChatCompletionParams,
  ChatCompletionStreamingParams,
  ChatGenerationParams,
  ChoiceLogprobs,
  ContentPart,
  DeveloperMessage,
  ErrorBody,
  FinishReason,
  ImageContentPart,
  InputVideoContentPart,
  JsonSchemaConfig,
  Message,
  MessageRole,
  Modality,
  Model,
  ModelEndpoint,
  ModelEndpoints,
  ModelList,
  ModelPricing,
  Plugin,
  ProviderMaxPrice,
  ProviderName,
  ProviderPreferences,
  ProviderSort,
  Quantization,
  ReasoningDetail,
  ReasoningEffort,
  ReasoningEncryptedDetail,
  ReasoningParams,
  ReasoningSummaryDetail,
  ReasoningTextDetail,
  ResponseFormat,
  Route,
  StopSequences,
  StreamOptions,
  SystemMessage,
  TextContentPart,
  TokenLogprob,
  ToolCall,
  ToolCallDelta,
  ToolChoice,
  ToolDefinition,
  ToolMessage,
  UrlCitationAnnotation,
  Usage,
  UserMessage,
  VideoUrlContentPart,
} from './wire-types.ts';
