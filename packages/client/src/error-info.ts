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
  metadata?: Record<string, unknown>;
}
