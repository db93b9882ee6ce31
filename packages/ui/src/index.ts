export * as Composer from './composer/index.ts';
export * as ContentParts from './content-parts/index.ts';
export {
  describeError,
  type ErrorAction,
  type ErrorCategory,
  type ErrorDescription,
} from './error-notice/describe-error.ts';
export * as ErrorNotice from './error-notice/index.ts';
export * as FinishNotice from './finish-notice/index.ts';
export * as LogprobsView from './logprobs-view/index.ts';
export * as Markdown from './markdown/index.ts';
export * as Message from './message/index.ts';
export * as MessageList from './message-list/index.ts';
export * as ModelPicker from './model-picker/index.ts';
export * as ParametersPanel from './parameters-panel/index.ts';
export * as ProviderPrefs from './provider-prefs/index.ts';
export * as ReasoningPanel from './reasoning-panel/index.ts';
export * as Refusal from './refusal/index.ts';
export * as RenderBoundary from './render-boundary/index.ts';
export { type SafeUrlKind, safeUrl } from './safe-url.ts';
export * as Sources from './sources/index.ts';
export * as StorageNotice from './storage-notice/index.ts';
export * as StructuredOutput from './structured-output/index.ts';
export * as ThreadList from './thread-list/index.ts';
export * as ToolCall from './tool-call/index.ts';
export * as UsageMeter from './usage-meter/index.ts';
