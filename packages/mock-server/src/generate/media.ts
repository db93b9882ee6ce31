import type { ContentPart } from '@parley/client';
import { invalidRequest } from '../http/errors.ts';

/** What the vision model knows about one non-text part. */
export interface MediaInfo {
  kind: 'image' | 'audio' | 'video';
  /** `PNG`, `mp3`, ... or `unknown`. */
  format: string;
  /** Decoded size for inline data; null for remote URLs, which the simulator never fetches. */
  bytes: number | null;
  source: 'data URL' | 'URL' | 'inline data';
  /** Pixel size read from a PNG or GIF header. */
  dimensions: { width: number; height: number } | null;
  detail: string | null;
}

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?((?:;[\w-]+=[^;,]*)*)(;base64)?,(.*)$/s;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const EXTENSION = /\.([a-z0-9]{2,5})(?:[?#].*)?$/i;

/**
 * Reads a content part the way a multimodal upstream validates it: a data URL must be base64
 * of the right kind (an `image_url` holding audio is a 400), remote URLs are taken on trust.
 */
export function inspectPart(part: ContentPart, param: string): MediaInfo | null {
  switch (part.type) {
    case 'image_url':
      return fromUrl('image', part.image_url.url, `${param}.image_url.url`, part.image_url.detail ?? null);
    case 'input_audio': {
      const data = part.input_audio.data;
      if (!BASE64.test(data))
        throw invalidRequest('Invalid audio: input_audio.data must be base64.', `${param}.input_audio.data`);
      return {
        kind: 'audio',
        format: part.input_audio.format,
        bytes: base64Bytes(data),
        source: 'inline data',
        dimensions: null,
        detail: null,
      };
    }
    case 'video_url':
    case 'input_video': {
      const url = (part as { video_url?: { url?: unknown } }).video_url?.url;
      if (typeof url !== 'string' || url === '') {
        throw invalidRequest(
          `Invalid video: a ${part.type} part needs video_url.url.`,
          `${param}.video_url.url`,
        );
      }
      return fromUrl('video', url, `${param}.video_url.url`, null);
    }
    default:
      return null;
  }
}

function fromUrl(kind: MediaInfo['kind'], url: string, param: string, detail: string | null): MediaInfo {
  const data = DATA_URL.exec(url);
  if (data) {
    const [, mime = '', , base64, payload = ''] = data;
    if (mime && !mime.startsWith(`${kind}/`)) {
      throw invalidRequest(`Invalid ${kind}: the data URL holds ${mime}, not an ${kind}.`, param);
    }
    if (!base64 || !BASE64.test(payload))
      throw invalidRequest(`Invalid ${kind}: the data URL must be base64-encoded.`, param);
    return {
      kind,
      format: mime ? (mime.split('/')[1] ?? 'unknown').toUpperCase() : 'unknown',
      bytes: base64Bytes(payload),
      source: 'data URL',
      dimensions: kind === 'image' ? imageDimensions(payload) : null,
      detail,
    };
  }
  if (!/^https?:\/\//i.test(url)) {
    throw invalidRequest(`Invalid ${kind} URL: use an http(s) URL or a base64 data URL.`, param);
  }
  return {
    kind,
    format: (EXTENSION.exec(new URL(url).pathname)?.[1] ?? 'unknown').toUpperCase(),
    bytes: null,
    source: 'URL',
    dimensions: null,
    detail,
  };
}

function base64Bytes(payload: string): number {
  const clean = payload.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** Width and height from a PNG's IHDR or a GIF's logical screen descriptor. */
function imageDimensions(payload: string): MediaInfo['dimensions'] {
  let head: string;
  try {
    head = atob(payload.replace(/\s/g, '').slice(0, 44));
  } catch {
    return null;
  }
  const byte = (index: number) => head.charCodeAt(index);
  if (head.startsWith('\x89PNG') && head.length >= 24) {
    const read32 = (at: number) =>
      ((byte(at) << 24) | (byte(at + 1) << 16) | (byte(at + 2) << 8) | byte(at + 3)) >>> 0;
    return { width: read32(16), height: read32(20) };
  }
  if (head.startsWith('GIF8') && head.length >= 10) {
    return { width: byte(6) | (byte(7) << 8), height: byte(8) | (byte(9) << 8) };
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
