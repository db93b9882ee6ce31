/**
 * The typed error as a person reads it: what happened, in a title and a sentence, with what they
 * can do about it. Pure, so the wording is tested without rendering.
 */
import type { ChatErrorInfo } from '@parley/client/chat';

/** What kind of trouble an error is, from a reader's point of view; also stamped as `data-category`. */
export type ErrorCategory =
  | 'invalid-key'
  | 'forbidden'
  | 'payment'
  | 'rate-limited'
  | 'server'
  | 'not-found'
  | 'bad-request'
  | 'timeout'
  | 'mid-stream'
  | 'incomplete'
  | 'network'
  | 'aborted'
  | 'invalid-response'
  | 'tool';

/**
 * The one thing a person can do about an error: try again, change the API key, wait until the
 * server allows another request (then try again), or nothing from here (choose another model, fix
 * the request).
 */
export type ErrorAction = 'retry' | 'change-key' | 'wait' | 'none';

export interface ErrorDescription {
  category: ErrorCategory;
  title: string;
  description: string;
  action: ErrorAction;
}

const ACTIONS: Record<ErrorCategory, ErrorAction> = {
  'invalid-key': 'change-key',
  'rate-limited': 'wait',
  forbidden: 'none',
  'not-found': 'none',
  'bad-request': 'none',
  aborted: 'none',
  payment: 'retry',
  server: 'retry',
  timeout: 'retry',
  'mid-stream': 'retry',
  incomplete: 'retry',
  network: 'retry',
  'invalid-response': 'retry',
  tool: 'retry',
};

function httpCategory(status: number | undefined): ErrorCategory {
  if (status === 401) return 'invalid-key';
  if (status === 402) return 'payment';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // 408 is the request timing out; 504 is a gateway giving up on the server behind it; 524 is
  // Cloudflare's "a timeout occurred", which OpenRouter returns when the upstream accepted the request
  // but never answered. All read as timeouts.
  if (status === 408 || status === 504 || status === 524) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status !== undefined && status >= 500) return 'server';
  return 'bad-request';
}

/** Sorts an error into the category a person cares about. */
function errorCategory(error: ChatErrorInfo): ErrorCategory {
  switch (error.kind) {
    case 'http':
      return httpCategory(error.status);
    case 'stream':
      return 'mid-stream';
    case 'incomplete-stream':
      return 'incomplete';
    case 'network':
      return 'network';
    case 'timeout':
      return 'timeout';
    case 'abort':
      return 'aborted';
    case 'invalid-request':
      return 'bad-request';
    case 'invalid-response':
    case 'parse':
      return 'invalid-response';
    case 'tool':
      return 'tool';
  }
}

/**
 * Everything else the server's error body said, as term and value pairs, in reading order: code,
 * parameter, type, the provider and its own message, and moderation's reasons and flagged input.
 * Only what the body had.
 */
export function errorFields(error: ChatErrorInfo): [term: string, value: string][] {
  const rows: [string, string | undefined][] = [
    ['Code', error.code === undefined ? undefined : String(error.code)],
    ['Parameter', error.param],
    ['Type', error.type],
    ['Provider', error.providerName],
    ["Provider's message", error.rawMessage],
    ['Moderation reasons', error.reasons?.length ? error.reasons.join(', ') : undefined],
    ['Flagged input', error.flaggedInput],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '');
}

/**
 * Title, sentence and fitting action for an error. The server's own message is left to
 * `ErrorNotice.Detail`, and how long to wait to the live `ErrorNotice.Countdown`: a number of
 * seconds in a sentence would be stale a second later.
 */
export function describeError(error: ChatErrorInfo): ErrorDescription {
  return { ...describe(error), action: ACTIONS[errorCategory(error)] };
}

function describe(error: ChatErrorInfo): Omit<ErrorDescription, 'action'> {
  const category = errorCategory(error);
  const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
  switch (category) {
    case 'invalid-key':
      return {
        category,
        title: 'Invalid API key',
        description:
          'The server did not accept the API key. Check that it is correct and has not been revoked. Trying again with the same key will not help.',
      };
    case 'payment':
      return {
        category,
        title: 'Out of credits',
        description:
          'The account does not have enough credits for this request. Add credits, or choose a cheaper model or a shorter reply.',
      };
    case 'forbidden':
      if (error.reasons?.length) {
        return {
          category,
          title: 'Flagged by moderation',
          description: `Moderation flagged the message for ${error.reasons.join(', ')}. Rephrase it and send it again.`,
        };
      }
      return {
        category,
        title: 'Request refused',
        description: 'The provider refused this request, for example because moderation flagged it.',
      };
    case 'rate-limited':
      return {
        category,
        title: 'Rate limited',
        description: 'Too many requests at the moment. Wait a little, then try again.',
      };
    case 'server':
      return {
        category,
        title: 'The provider had a problem',
        description:
          error.status === 503
            ? 'No provider can serve this model right now (HTTP 503). Trying again later usually works.'
            : `The server answered with an error${status}. Trying again usually works.`,
      };
    case 'not-found':
      return {
        category,
        title: 'No model for this request',
        description:
          'The selected model does not exist, or none of its providers supports this request (its attachments or tools, for instance). Choose another model.',
      };
    case 'bad-request':
      return {
        category,
        title: 'The request was not accepted',
        description: `The server could not process this request${status}.`,
      };
    case 'timeout':
      return {
        category,
        title: 'The request timed out',
        description:
          error.status === 524
            ? 'The provider accepted the request but did not answer in time (HTTP 524). Try again.'
            : error.status === 504
              ? 'A gateway between you and the model gave up waiting for it (HTTP 504). Try again.'
              : 'No answer came in time. Try again.',
      };
    case 'mid-stream':
      return {
        category,
        title: 'The reply failed part-way',
        description:
          'The provider reported an error while the reply was streaming. What arrived so far is kept.',
      };
    case 'incomplete':
      return {
        category,
        title: 'The reply was cut off',
        description: 'The connection ended before the reply was finished. What arrived so far is kept.',
      };
    case 'network':
      return {
        category,
        title: 'Cannot reach the server',
        description: 'Check your network connection, then try again.',
      };
    case 'aborted':
      return { category, title: 'Stopped', description: 'The reply was stopped.' };
    case 'invalid-response':
      return {
        category,
        title: 'Unexpected response',
        description: 'The server sent something that is not a valid reply.',
      };
    case 'tool':
      return { category, title: 'A tool failed', description: 'A tool the model called could not finish.' };
  }
}
