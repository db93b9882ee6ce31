'use client';
import * as React from 'react';
import type { AttachmentKind, AttachmentOrigin, ComposerAttachment } from './attachment-files.ts';
import type { RecorderState } from './use-audio-recorder.ts';

/** What the parts of one composer share. Built by `Composer.Root`. */
export interface ComposerContextValue {
  value: string;
  setValue: (value: string) => void;
  attachments: ComposerAttachment[];
  /** Kinds the selected model takes; empty when it takes text only. */
  kinds: AttachmentKind[];
  accept: string;
  busy: boolean;
  disabled: boolean;
  /** There is something to send and nothing in flight. */
  canSend: boolean;
  notice: string;
  submit: () => void;
  stop: (() => void) | undefined;
  addFiles: (files: Iterable<File>, origin: AttachmentOrigin) => void;
  removeAttachment: (id: string) => void;
  openFilePicker: () => void;
  focusInput: () => void;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
  inputId: string;
  noticeId: string;
  recorder: {
    supported: boolean;
    state: RecorderState;
    elapsedMs: number;
    start: () => void;
    stop: () => void;
  };
}

export const ComposerContext = React.createContext<ComposerContextValue | null>(null);

/** The composer around a part; parts outside a `Composer.Root` are a mistake worth a clear message. */
export function useComposerContext(part: string): ComposerContextValue {
  const context = React.useContext(ComposerContext);
  if (!context) throw new Error(`<${part}> must be used inside <Composer.Root>.`);
  return context;
}

/** The attachment around an attachment part. */
export const AttachmentContext = React.createContext<ComposerAttachment | null>(null);

export function useAttachmentContext(part: string): ComposerAttachment {
  const attachment = React.useContext(AttachmentContext);
  if (!attachment) throw new Error(`<${part}> must be used inside <Composer.Attachment>.`);
  return attachment;
}
