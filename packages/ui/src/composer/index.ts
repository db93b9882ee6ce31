export {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type AttachmentKindOf,
  type AttachmentOrigin,
  acceptedKinds,
  type ComposerAttachment,
  mimeAttachmentKind,
  type RefusedFile,
} from './attachment-files.ts';
export {
  ComposerRoot as Root,
  ComposerRoot,
  type ComposerRootProps,
  type ComposerSubmission,
  type ComposerSubmitResult,
} from './composer.tsx';
export {
  ComposerAttachButton as AttachButton,
  ComposerAttachButton,
  type ComposerButtonProps,
  ComposerNotice as Notice,
  ComposerNotice,
  ComposerRecord as Record,
  ComposerRecord,
  ComposerRecordingTime as RecordingTime,
  ComposerRecordingTime,
  ComposerSend as Send,
  ComposerSend,
  ComposerStop as Stop,
  ComposerStop,
  ComposerToolbar as Toolbar,
  ComposerToolbar,
} from './composer-actions.tsx';
export { ComposerInput as Input, ComposerInput, type ComposerInputProps } from './composer-input.tsx';
export type { GetAudioStream, RecorderState } from './use-audio-recorder.ts';
export type { ComposerDraftProps } from './use-composer-draft.ts';
