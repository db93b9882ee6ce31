import type { ErrorBody } from '@parley/client';

/**
 * Errors in the spec's `ErrorResponse` shape, which requires `code`, `message`, `param` and `type`
 * as strings. OpenRouter sends the HTTP status as a numeric `code`; the spec wins here, so `code`
 * is a stable snake_case string and `param` is `''` when no single parameter is at fault.
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'server_error'
  | 'provider_error';

export interface SimulatorErrorInit {
  status: number;
  code: string;
  message: string;
  type: ErrorType;
  param?: string;
  metadata?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A failure that ends a request with an HTTP error; thrown inside handlers, turned into a Response once. */
export class SimulatorError extends Error {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;

  constructor(init: SimulatorErrorInit) {
    super(init.message);
    this.name = 'SimulatorError';
    this.status = init.status;
    this.headers = init.headers ?? {};
    this.body = {
      error: {
        code: init.code,
        message: init.message,
        param: init.param ?? '',
        type: init.type,
        ...(init.metadata ? { metadata: init.metadata } : {}),
      },
    };
  }
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function errorResponse(error: SimulatorError): Response {
  return jsonResponse(error.body, error.status, error.headers);
}

/** 400 naming the parameter at fault, as OpenAI-compatible servers do. */
export function invalidRequest(message: string, param = '', code = 'invalid_request'): SimulatorError {
  return new SimulatorError({ status: 400, code, message, param, type: 'invalid_request_error' });
}

export function notFound(message: string, code = 'not_found', param = ''): SimulatorError {
  return new SimulatorError({ status: 404, code, message, param, type: 'not_found_error' });
}
