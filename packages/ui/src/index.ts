export * as Composer from './composer/index.ts';
export * as ContentParts from './content-parts/index.ts';
export {
  describeError,
  type ErrorAction,
  type ErrorCategory,
  type ErrorDescription,
} from './error-notice/describe-error.ts';
export * as ErrorNotice from './error-notice/index.ts';
export * as Markdown from './markdown/index.ts';
export * as Message from './message/index.ts';
export * as MessageList from './message-list/index.ts';
export * as ReasoningPanel from './reasoning-panel/index.ts';
export { type SafeUrlKind, safeUrl } from './safe-url.ts';
export * as ToolCall from './tool-call/index.ts';
