export type { ChatLayoutRootProps } from './chat/chat-layout.tsx';
export * as ChatLayout from './chat/chat-layout.tsx';
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
export { AudioPart, audioPartUrl } from './content-parts/audio-part.tsx';
export type { ContentPartComponents, ContentPartProps } from './content-parts/content-part-types.ts';
export type { ContentPartsProps } from './content-parts/content-parts.tsx';
export { ContentParts, defaultContentPartComponents } from './content-parts/content-parts.tsx';
export { GatedImage, type GatedImageProps } from './content-parts/gated-image.tsx';
export { ImagePart } from './content-parts/image-part.tsx';
export { TextPart } from './content-parts/text-part.tsx';
export { VideoPart } from './content-parts/video-part.tsx';
export type { ErrorCategory, ErrorNoticeRetry, ErrorNoticeRootProps } from './error-notice/index.ts';
export * as ErrorNotice from './error-notice/index.ts';
export { describeError, errorCategory } from './error-notice/index.ts';
export { CodeBlock, type CodeBlockProps } from './markdown/code-block.tsx';
export { completeMarkdown } from './markdown/complete-markdown.ts';
export { CopyButton, type CopyButtonProps } from './markdown/copy-button.tsx';
export {
  Markdown,
  type MarkdownComponents,
  type MarkdownProps,
  type MarkdownTag,
} from './markdown/markdown.tsx';
export { type MarkdownBlockSource, splitMarkdown, splitMarkdownBlocks } from './markdown/split-blocks.ts';
export * as Message from './message/message.tsx';
export { type MessageDetail, messageDetails } from './message/message-details.ts';
export { MessageView, type MessageViewProps } from './message/message-view.tsx';
export { announcementFor } from './message-list/announce.ts';
export type { MessageListApi } from './message-list/message-list.tsx';
export * as MessageList from './message-list/message-list.tsx';
export * as ReasoningPanel from './reasoning-panel/reasoning-panel.tsx';
export { reasoningLabel } from './reasoning-panel/reasoning-panel.tsx';
export {
  MessageBoundary,
  type MessageBoundaryProps,
  PartBoundary,
  type PartBoundaryProps,
} from './render-boundary/render-boundary.tsx';
export { isRemoteUrl, type SafeUrlKind, safeUrl, urlOrigin } from './safe-url.ts';
export {
  formatToolResult,
  type ParsedArguments,
  parsePartialToolArguments,
} from './tool-call/parse-arguments.ts';
export * as ToolCall from './tool-call/tool-call.tsx';
export { TOOL_CALL_STATE_LABELS } from './tool-call/tool-call.tsx';
export {
  type ToolCallRendererProps,
  type ToolCallRenderers,
  ToolCallView,
  type ToolCallViewProps,
} from './tool-call/tool-call-view.tsx';
