import { describe, expect, it } from 'vitest';
import {
  isParleyError,
  ParleyAbortError,
  ParleyHttpError,
  ParleyIncompleteStreamError,
  ParleyInvalidRequestError,
  ParleyInvalidResponseError,
  ParleyNetworkError,
  ParleyParseError,
  ParleyStreamError,
  ParleyTimeoutError,
  toChatErrorInfo,
} from './errors.ts';
import type { ChatCompletion } from './wire-types.ts';

const partial: ChatCompletion = { id: 'g', object: 'chat.completion', created: 1, model: 'm', choices: [] };

describe('Parley errors', () => {
  it('each carry their kind and are recognised as Parley errors', () => {
    const errors = [
      new ParleyHttpError({ status: 500, headers: new Headers() }),
      new ParleyNetworkError(),
      new ParleyTimeoutError(),
      new ParleyAbortError(),
      new ParleyStreamError({ partial, body: { code: 'x', message: 'y' } }),
      new ParleyIncompleteStreamError({ partial }),
      new ParleyInvalidResponseError(),
      new ParleyInvalidRequestError({ message: 'bad' }),
      new ParleyParseError(),
    ];
    expect(errors.map((error) => error.kind)).toEqual([
      'http',
      'network',
      'timeout',
      'abort',
      'stream',
      'incomplete-stream',
      'invalid-response',
      'invalid-request',
      'parse',
    ]);
    for (const error of errors) {
      expect(isParleyError(error)).toBe(true);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).toMatch(new RegExp(`^${error.name}: `));
    }
    expect(isParleyError(new Error('plain'))).toBe(false);
    expect(isParleyError({ kind: 'http' })).toBe(false);
  });

  it('keep the cause they wrap', () => {
    const cause = new TypeError('fetch failed');
    expect(new ParleyNetworkError({ cause }).cause).toBe(cause);
  });

  // Compiled with exactOptionalPropertyTypes: fields passed straight from optional values type-check
  // and read as if left out, so callers need no conditional spreads.
  it('treat options passed as undefined like options left out', () => {
    const http = new ParleyHttpError({
      status: 503,
      headers: new Headers(),
      body: undefined,
      retryAfterMs: undefined,
    });
    expect(http.message).toBe('HTTP 503');
    expect(toChatErrorInfo(http)).toEqual(
      toChatErrorInfo(new ParleyHttpError({ status: 503, headers: new Headers() })),
    );
    const timeout = new ParleyTimeoutError({ timeoutMs: undefined, partial: undefined, message: undefined });
    expect(timeout.message).toBe('Request timed out');
    expect('cause' in timeout).toBe(false);
    expect(new ParleyParseError({ data: undefined }).data).toBeUndefined();
    expect(new ParleyInvalidResponseError({ status: undefined, contentType: undefined }).message).toBe(
      'The server sent a response the client cannot read',
    );
  });
});

describe('toChatErrorInfo', () => {
  it('summarises an HTTP error with its status, code, wait and metadata', () => {
    const error = new ParleyHttpError({
      status: 429,
      headers: new Headers({ 'retry-after': '2' }),
      body: { error: { code: 429, message: 'Rate limited', metadata: { provider_name: 'P' } } },
      retryAfterMs: 2000,
    });
    expect(toChatErrorInfo(error)).toEqual({
      kind: 'http',
      message: 'HTTP 429: Rate limited',
      status: 429,
      code: 429,
      retryAfterMs: 2000,
      metadata: { provider_name: 'P' },
      serverMessage: 'Rate limited',
      providerName: 'P',
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'ParleyHttpError', ...toChatErrorInfo(error) });
  });

  it('keeps the param, type, provider, raw error and moderation reasons of the body', () => {
    const moderation = new ParleyHttpError({
      status: 403,
      headers: new Headers(),
      body: {
        error: {
          code: 403,
          message: 'Input flagged',
          param: 'messages',
          type: 'invalid_request_error',
          metadata: {
            provider_name: 'OpenAI',
            reasons: ['harassment', 'violence'],
            flagged_input: 'you are a...',
            raw: { error: { message: 'upstream said no' } },
          },
        },
      },
    });
    expect(toChatErrorInfo(moderation)).toMatchObject({
      serverMessage: 'Input flagged',
      param: 'messages',
      type: 'invalid_request_error',
      providerName: 'OpenAI',
      reasons: ['harassment', 'violence'],
      flaggedInput: 'you are a...',
      rawMessage: '{"error":{"message":"upstream said no"}}',
    });
    const plain = new ParleyHttpError({
      status: 502,
      headers: new Headers(),
      body: { error: { code: 502, message: 'Bad gateway', metadata: { raw: 'upstream 500' } } },
    });
    expect(toChatErrorInfo(plain)).toMatchObject({ rawMessage: 'upstream 500' });
    expect(toChatErrorInfo(plain)).not.toHaveProperty('param');
  });

  it('names the parameter of an invalid request in its JSON form', () => {
    const error = new ParleyInvalidRequestError({ message: 'bad role', param: 'messages[0].role' });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      kind: 'invalid-request',
      param: 'messages[0].role',
    });
  });

  it('classifies errors that are not Parley errors', () => {
    expect(toChatErrorInfo(new DOMException('stop', 'AbortError'))).toEqual({
      kind: 'abort',
      message: 'stop',
    });
    expect(toChatErrorInfo(new DOMException('late', 'TimeoutError')).kind).toBe('timeout');
    expect(toChatErrorInfo(new SyntaxError('bad json')).kind).toBe('parse');
    expect(toChatErrorInfo(new TypeError('fetch failed'))).toEqual({
      kind: 'network',
      message: 'fetch failed',
    });
    expect(toChatErrorInfo('boom', 'tool')).toEqual({ kind: 'tool', message: 'boom' });
  });
});
