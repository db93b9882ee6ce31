'use client';
/**
 * Building user content parts from what a browser has: files from an input or a drop, a
 * MediaRecorder recording, an image URL. Media is inlined as data URLs or base64, as the API
 * takes it. Nothing here touches the DOM until called, so importing it during SSR is safe.
 */
import type { ChatAudioPart, ChatImagePart, ChatPart } from '@parley/client/chat';

/** Thrown for a file that is neither an image, audio nor video. */
export class UnsupportedAttachmentError extends Error {
  override readonly name = 'UnsupportedAttachmentError';
  /** The file's media type, as the browser reported it (may be empty). */
  readonly mediaType: string;

  constructor(mediaType: string, fileName?: string) {
    super(
      `Cannot attach ${fileName ? `"${fileName}"` : 'this file'} (${mediaType || 'unknown type'}): only images, audio and video are supported.`,
    );
    this.mediaType = mediaType;
  }
}

const EXTENSION_KINDS: Record<string, 'image' | 'audio' | 'video'> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  mp3: 'audio',
  wav: 'audio',
  m4a: 'audio',
  ogg: 'audio',
  oga: 'audio',
  flac: 'audio',
  aac: 'audio',
  opus: 'audio',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
  mpeg: 'video',
};

const AUDIO_FORMATS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/m4a': 'm4a',
};

function extensionOf(name: string | undefined): string {
  const match = /\.([a-z0-9]+)$/i.exec(name ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

/**
 * What a file is, from its media type (or, when the browser gives none, its extension):
 * `image`, `audio`, `video`, or `undefined` for anything else.
 */
export function attachmentKind(file: {
  type: string;
  name?: string | undefined;
}): 'image' | 'audio' | 'video' | undefined {
  const major = file.type.split('/')[0];
  if (major === 'image' || major === 'audio' || major === 'video') return major;
  if (file.type !== '') return undefined;
  return EXTENSION_KINDS[extensionOf(file.name)];
}

/** The `input_audio` format of a media type (`audio/webm;codecs=opus` -> `webm`), else of the file name. */
function audioFormat(mediaType: string, name?: string): string {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  const known = AUDIO_FORMATS[essence];
  if (known) return known;
  if (essence.startsWith('audio/')) return essence.slice('audio/'.length).replace(/^x-/, '');
  return extensionOf(name) || 'wav';
}

function readAsDataURL(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** A data URL whose media type is the file's (FileReader writes an empty one for unknown types). */
async function dataURL(blob: Blob, mediaType: string): Promise<string> {
  const url = await readAsDataURL(blob);
  const base64 = url.slice(url.indexOf(',') + 1);
  return `data:${mediaType};base64,${base64}`;
}

function mediaTypeOf(file: Blob & { name?: string | undefined }, kind: 'image' | 'audio' | 'video'): string {
  if (file.type) return file.type.split(';')[0] ?? file.type;
  const extension = extensionOf(file.name);
  return `${kind}/${extension === 'jpg' ? 'jpeg' : extension || 'octet-stream'}`;
}

/**
 * A content part for a file: an image becomes a data-URL image part, audio base64 `input_audio`
 * with its format, video a data-URL video part (`video_url`).
 *
 * @throws {UnsupportedAttachmentError} for any other kind of file.
 * @example
 * ```tsx
 * const parts = await Promise.all([...input.files].map(fileToChatPart));
 * await send([{ type: 'text', text }, ...parts]);
 * ```
 */
export async function fileToChatPart(file: Blob & { name?: string | undefined }): Promise<ChatPart> {
  const kind = attachmentKind(file);
  if (!kind) throw new UnsupportedAttachmentError(file.type, file.name);
  if (kind === 'audio') return recordingToChatPart(file);
  const url = await dataURL(file, mediaTypeOf(file, kind));
  if (kind === 'image') return file.name ? { type: 'image', url, alt: file.name } : { type: 'image', url };
  return file.name
    ? { type: 'video', url, source: 'video_url', name: file.name }
    : { type: 'video', url, source: 'video_url' };
}

/**
 * An `input_audio` part for a recording (a MediaRecorder blob) or an audio file.
 *
 * @example
 * ```ts
 * recorder.ondataavailable = async (event) => send([await recordingToChatPart(event.data)]);
 * ```
 */
export async function recordingToChatPart(
  blob: Blob & { name?: string | undefined },
): Promise<ChatAudioPart> {
  const url = await readAsDataURL(blob);
  const part: ChatAudioPart = {
    type: 'audio',
    data: url.slice(url.indexOf(',') + 1),
    format: audioFormat(blob.type, blob.name),
  };
  if (blob.name) part.name = blob.name;
  return part;
}

/**
 * An image part for a URL the model should fetch, or a data URL. Only `https:`, `http:` and
 * `data:image/` URLs are accepted, so a `javascript:` URL can never become an image.
 *
 * @example
 * ```ts
 * await send([{ type: 'text', text: 'What is this?' }, urlToImagePart('https://example.com/cat.png')]);
 * ```
 */
export function urlToImagePart(url: string, detail?: ChatImagePart['detail']): ChatImagePart {
  const trimmed = url.trim();
  if (!/^(https?:\/\/|data:image\/)/i.test(trimmed)) {
    throw new TypeError('An image URL must start with https://, http:// or data:image/.');
  }
  return detail ? { type: 'image', url: trimmed, detail } : { type: 'image', url: trimmed };
}
