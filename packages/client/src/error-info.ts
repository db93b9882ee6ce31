/**
 * The data shapes of Parley's errors, kept apart from the error classes so that the chat core can
 * store them on messages (plain, serialisable) and the package root depends on nothing under `./chat`.
 */

/** The discriminating `kind` of Parley's error classes. */
export type ParleyErrorKind =
  | 'http'
  | 'network'
  | 'timeout'
  | 'abort'
  | 'stream'
  | 'incomplete-stream'
  | 'invalid-response'
  | 'invalid-request'
  | 'parse'
  | 'tool';

/** A serialisable summary of a typed client error, as stored on a message or the chat. */
export interface ChatErrorInfo {
  kind: ParleyErrorKind;
  message: string;
  status?: number;
  code?: string | number;
  retryAfterMs?: number;
  /** The whole `error.metadata` of the server's body, as sent. */
  metadata?: Record<string, unknown>;
  /** The server's own `error.message`, without the client's "HTTP 403:" prefix. */
  serverMessage?: string;
  /** The parameter at fault (`error.param`), such as `messages[0].content`. */
  param?: string;
  /** The server's `error.type`, such as `invalid_request_error`. */
  type?: string;
  /** The upstream provider that failed (`metadata.provider_name`). */
  providerName?: string;
  /** The provider's own error (`metadata.raw`), as text. */
  rawMessage?: string;
  /** Why moderation flagged the input (`metadata.reasons`). */
  reasons?: string[];
  /** The part of the input moderation flagged (`metadata.flagged_input`). */
  flaggedInput?: string;
}

/** The shape of a server error body's `error`, as far as {@link errorBodyDetails} reads it. */
interface ErrorBodyFields {
  message?: unknown;
  param?: unknown;
  type?: unknown;
  metadata?: Record<string, unknown>;
}

/**
 * What a server error body says beyond its code and metadata, as typed fields: the message, the
 * parameter and type, and OpenRouter's metadata (provider name, the provider's raw error,
 * moderation reasons and flagged input). Fields the body lacks stay absent.
 * @see https://openrouter.ai/docs/api/reference/errors-and-debugging
 */
export function errorBodyDetails(error: ErrorBodyFields): Partial<ChatErrorInfo> {
  const details: Partial<ChatErrorInfo> = {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const serverMessage = text(error.message);
  if (serverMessage) details.serverMessage = serverMessage;
  const param = text(error.param);
  if (param) details.param = param;
  const type = text(error.type);
  if (type) details.type = type;
  const metadata = error.metadata ?? {};
  const providerName = text(metadata.provider_name);
  if (providerName) details.providerName = providerName;
  const raw = metadata.raw;
  if (raw !== undefined && raw !== null && raw !== '') {
    details.rawMessage = typeof raw === 'string' ? raw : JSON.stringify(raw);
  }
  if (Array.isArray(metadata.reasons)) {
    details.reasons = metadata.reasons.filter((reason): reason is string => typeof reason === 'string');
  }
  const flagged = text(metadata.flagged_input);
  if (flagged) details.flaggedInput = flagged;
  return details;
}
