export type {
  AttachmentKind,
  AttachmentKindOf,
  AttachmentOrigin,
  ComposerAttachment,
  RefusedFile,
} from './attachment-files.ts';
export type {
  ComposerApi,
  ComposerRootProps,
  ComposerSubmission,
  ComposerSubmitResult,
} from './composer.tsx';
export { ComposerRoot as Root } from './composer.tsx';
export type { ComposerButtonProps } from './composer-actions.tsx';
export {
  ComposerAttachButton as AttachButton,
  ComposerNotice as Notice,
  ComposerRecord as Record,
  ComposerRecordingTime as RecordingTime,
  ComposerSend as Send,
  ComposerStop as Stop,
  ComposerToolbar as Toolbar,
} from './composer-actions.tsx';
export type {
  ComposerAttachmentItemProps,
  ComposerAttachmentPreviewProps,
  ComposerAttachmentRemoveProps,
  ComposerAttachmentsProps,
} from './composer-attachments.tsx';
export {
  ComposerAttachmentItem as Attachment,
  ComposerAttachmentName as AttachmentName,
  ComposerAttachmentPreview as AttachmentPreview,
  ComposerAttachmentRemove as AttachmentRemove,
  ComposerAttachments as Attachments,
} from './composer-attachments.tsx';
export type { ComposerInputProps } from './composer-input.tsx';
export { ComposerInput as Input } from './composer-input.tsx';
export type { GetAudioStream, RecorderState } from './use-audio-recorder.ts';
export type { ComposerDraftProps } from './use-composer-draft.ts';
