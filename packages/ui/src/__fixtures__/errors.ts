/**
 * Chat errors as the store records them (`toChatErrorInfo` of the client's typed errors), one per
 * situation a person can meet. Messages follow what the client builds from the server's error body.
 */
import type { ChatErrorInfo } from '@parley/client/chat';

export const invalidKeyError: ChatErrorInfo = {
  kind: 'http',
  status: 401,
  code: 401,
  message: 'HTTP 401: No auth credentials found',
};

export const paymentError: ChatErrorInfo = {
  kind: 'http',
  status: 402,
  code: 402,
  message: 'HTTP 402: Insufficient credits. Add more using https://example.com/credits',
};

export const rateLimitError: ChatErrorInfo = {
  kind: 'http',
  status: 429,
  code: 429,
  retryAfterMs: 3000,
  message: 'HTTP 429: Rate limit exceeded',
};

export const serverError: ChatErrorInfo = {
  kind: 'http',
  status: 500,
  code: 500,
  message: 'HTTP 500: Internal Server Error',
};

export const badGatewayError: ChatErrorInfo = {
  kind: 'http',
  status: 502,
  code: 502,
  message: 'HTTP 502: Provider returned error',
  metadata: { provider_name: 'Simulated' },
};

export const unavailableError: ChatErrorInfo = {
  kind: 'http',
  status: 503,
  code: 503,
  message: 'HTTP 503: No available provider',
};

export const midStreamError: ChatErrorInfo = {
  kind: 'stream',
  code: 'server_error',
  message: 'Provider disconnected unexpectedly',
};

export const incompleteStreamError: ChatErrorInfo = {
  kind: 'incomplete-stream',
  message: 'The stream ended before [DONE] or a finish reason',
};

export const networkError: ChatErrorInfo = { kind: 'network', message: 'Failed to fetch' };

export const abortError: ChatErrorInfo = { kind: 'abort', message: 'The request was aborted' };
