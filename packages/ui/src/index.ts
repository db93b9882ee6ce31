export type {
  AttachmentKind,
  AttachmentOrigin,
  ComposerAttachment,
  ComposerRootProps,
  ComposerSubmission,
  ComposerSubmitResult,
  RefusedFile,
} from './composer/index.ts';
export * as Composer from './composer/index.ts';
export type { ErrorCategory, ErrorNoticeRetry, ErrorNoticeRootProps } from './error-notice/index.ts';
export * as ErrorNotice from './error-notice/index.ts';
export { describeError, errorCategory } from './error-notice/index.ts';
