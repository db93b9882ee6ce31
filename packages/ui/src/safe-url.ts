/**
 * The one place where Parley decides which URLs from untrusted content (model output, pasted
 * text, attachments) may reach the DOM. Every `href` and `src` that renders content goes through
 * here; anything not explicitly allowed is dropped, never "fixed".
 */

/** What a URL is about to be used for: the allowed schemes differ per use. */
export type SafeUrlKind = 'link' | 'image' | 'audio' | 'video';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const REMOTE_PROTOCOLS = new Set(['http:', 'https:']);

// A data: URL must say what it is, and only a media type matching the element is accepted:
// `data:text/html` in a <video> or an <a> would be a document, not media.
const DATA_URL = /^data:([a-z]+)\/([a-z0-9.+-]+)(;[^,]*)?,/i;

// SVG is an image type that can carry script. It cannot run inside <img>, but opened on its own
// (a new tab, "open image") it is a live document, so embedded SVG is refused outright.
const REFUSED_MEDIA_SUBTYPES = new Set(['svg+xml']);

// Browsers strip ASCII tab and newline anywhere in a URL and leading C0 controls or spaces, which
// is how `java\tscript:` slips past naive prefix checks. Parsing with URL applies the same rules.
function parse(url: string): URL | undefined {
  try {
    return new URL(url.trim());
  } catch {
    return undefined;
  }
}

/**
 * Returns `url` normalised if it is safe to use as `kind`, otherwise `undefined`.
 *
 * - links: http, https, mailto;
 * - image, audio, video: http, https, `blob:` (local previews), and `data:` of the same media
 *   type (`data:image/png` for an image only; never SVG).
 *
 * Relative URLs are refused: content from a model has no base that would make them meaningful.
 *
 * @example
 * safeUrl('javascript:alert(1)', 'link') // undefined
 * safeUrl('https://example.com/a b', 'link') // 'https://example.com/a%20b'
 */
export function safeUrl(url: string | null | undefined, kind: SafeUrlKind): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  const parsed = parse(url);
  if (!parsed) return undefined;
  const protocol = parsed.protocol.toLowerCase();
  if (kind === 'link') return LINK_PROTOCOLS.has(protocol) ? parsed.href : undefined;
  if (REMOTE_PROTOCOLS.has(protocol) || protocol === 'blob:') return parsed.href;
  if (protocol !== 'data:') return undefined;
  const match = DATA_URL.exec(url.trim());
  const type = match?.[1]?.toLowerCase();
  const subtype = match?.[2]?.toLowerCase();
  if (type !== kind || subtype === undefined || REFUSED_MEDIA_SUBTYPES.has(subtype)) return undefined;
  return url.trim();
}

/** True when a media URL would fetch from a server (as opposed to data: or blob:, which are local). */
export function isRemoteUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && REMOTE_PROTOCOLS.has(parsed.protocol);
}

/**
 * A short label for where a URL points, for buttons such as "Load image from example.com".
 * Local URLs (data:, blob:) have no host and are described as embedded.
 */
export function urlOrigin(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || !REMOTE_PROTOCOLS.has(parsed.protocol)) return undefined;
  return parsed.host;
}
