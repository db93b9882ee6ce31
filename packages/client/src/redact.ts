/**
 * Keeping the API key out of errors. A hostile or buggy server can echo the key back in an error
 * body, a header or a malformed event, and an error is what gets printed (`console.error`), logged
 * and stored in chat state. Everything is redacted whole, before any of it is cut short: a key cut
 * in half first would no longer match and leave most of itself behind.
 */

/** What replaces the key. */
const REDACTED = '[redacted]';

/** Replaces every occurrence of `secret` in `text`. */
export function redactSecret(text: string, secret: string | undefined): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/** A copy of `value` with `secret` redacted from every string in it (for error bodies). */
export function redactJson<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const text = JSON.stringify(value);
  return text.includes(secret) ? (JSON.parse(redactSecret(text, secret)) as T) : value;
}

/** The headers, or a copy with `secret` redacted from every value when one holds it. */
export function redactHeaders(headers: Headers, secret: string | undefined): Headers {
  if (!secret) return headers;
  let redacted: Headers | undefined;
  for (const [name, value] of headers) {
    if (!value.includes(secret)) continue;
    redacted ??= new Headers(headers);
    redacted.set(name, redactSecret(value, secret));
  }
  return redacted ?? headers;
}

/** The result of {@link parseJson}. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; cause: unknown; redacted: string };

/**
 * `JSON.parse` whose failure is safe to keep: V8's SyntaxError quotes the text it failed on, so
 * the error that becomes a `cause` comes from parsing the redacted text, never the original.
 */
export function parseJson(text: string, secret?: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    const redacted = redactSecret(text, secret);
    if (redacted === text) return { ok: false, cause, redacted };
    try {
      JSON.parse(redacted);
      return { ok: false, cause: new SyntaxError('The data is not valid JSON'), redacted };
    } catch (safeCause) {
      return { ok: false, cause: safeCause, redacted };
    }
  }
}
