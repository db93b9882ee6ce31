/**
 * Which files the composer takes, and in words a person reads, why it refuses the others. Pure
 * functions over `File`s, so the rules are the same for the file picker, paste, drop and recording.
 */
import type { Modality } from '@parley/client';

/** The media kinds the composer can attach: the wire has parts for these. */
export type AttachmentKind = 'image' | 'audio' | 'video';

/** How an attachment reached the composer. Recordings may want a different conversion. */
export type AttachmentOrigin = 'picker' | 'paste' | 'drop' | 'recording';

/** A file waiting in the composer to be sent. */
export interface ComposerAttachment {
  /** Stable for the life of the draft, used as the React key. */
  id: string;
  file: File;
  kind: AttachmentKind;
  origin: AttachmentOrigin;
}

/** A file the composer did not take, with the reason shown and announced to the user. */
export interface RefusedFile {
  file: File;
  reason: string;
}

/** Tells a file's kind; `@parley/react`'s `attachmentKind` fits, and so does {@link mimeAttachmentKind}. */
export type AttachmentKindOf = (file: Blob & { name?: string }) => AttachmentKind | undefined;

/** Every kind the composer knows, in the order they are listed to people. */
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = ['image', 'audio', 'video'];

const PLURAL: Record<AttachmentKind, string> = { image: 'images', audio: 'audio', video: 'video' };

/** The kind from the media type alone (`image/png` is an image). */
export function mimeAttachmentKind(file: Blob): AttachmentKind | undefined {
  const type = file.type.split('/')[0]?.toLowerCase();
  return ATTACHMENT_KINDS.find((kind) => kind === type);
}

/**
 * The kinds a model takes, from its input modalities. Without modalities (no model chosen yet),
 * every kind is offered and the server has the last word.
 */
export function acceptedKinds(modalities: readonly Modality[] | undefined): AttachmentKind[] {
  if (modalities === undefined) return [...ATTACHMENT_KINDS];
  return ATTACHMENT_KINDS.filter((kind) => modalities.includes(kind));
}

/** The file input's `accept` attribute for these kinds. */
export function acceptAttribute(kinds: readonly AttachmentKind[]): string {
  return kinds.map((kind) => `${kind}/*`).join(',');
}

/** "images, audio and video" */
export function listKinds(kinds: readonly AttachmentKind[]): string {
  const words = kinds.map((kind) => PLURAL[kind]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

export interface SortFilesOptions {
  kinds: readonly AttachmentKind[];
  kindOf: AttachmentKindOf;
  maxBytes?: number | undefined;
}

/** Splits files into the ones the composer takes (with their kind) and the ones it refuses, with why. */
export function sortFiles(
  files: Iterable<File>,
  { kinds, kindOf, maxBytes }: SortFilesOptions,
): { accepted: { file: File; kind: AttachmentKind }[]; refused: RefusedFile[] } {
  const accepted: { file: File; kind: AttachmentKind }[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    const kind = kindOf(file);
    if (kinds.length === 0) {
      refused.push({ file, reason: 'the selected model accepts text only' });
    } else if (kind === undefined) {
      refused.push({ file, reason: `only ${listKinds(kinds)} can be attached` });
    } else if (!kinds.includes(kind)) {
      refused.push({
        file,
        reason: `the selected model does not accept ${PLURAL[kind]} (it accepts ${listKinds(kinds)})`,
      });
    } else if (maxBytes !== undefined && file.size > maxBytes) {
      refused.push({ file, reason: `it is larger than ${formatBytes(maxBytes)}` });
    } else {
      accepted.push({ file, kind });
    }
  }
  return { accepted, refused };
}

/** One sentence per refused file, for the composer's notice and screen readers. */
export function describeRefusals(refused: readonly RefusedFile[]): string {
  return refused
    .map(({ file, reason }) => `${file.name ? `“${file.name}”` : 'The file'} was not attached: ${reason}.`)
    .join(' ');
}

/** "1:05" from milliseconds, for the recording clock. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
