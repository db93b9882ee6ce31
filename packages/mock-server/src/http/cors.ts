/**
 * CORS for browser pages on another origin (Vitest browser tests, Storybook, a user's dev server).
 * The simulator holds no cookies, so `*` is safe; requested headers are echoed so clients that add
 * their own (the openai package's `x-stainless-*`) pass the preflight too.
 */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-parley-scenario',
  'http-referer',
  'x-title',
  'x-session-id',
].join(', ');

const EXPOSED_HEADERS = [
  'retry-after',
  'retry-after-ms',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-parley-model',
  'x-parley-provider',
  'x-parley-attempts',
  'x-parley-route',
  'x-request-id',
].join(', ');

export function withCors(response: Response): Response {
  // Response.error() has immutable headers and no CORS to speak of.
  if (response.type === 'error') return response;
  response.headers.set('access-control-allow-origin', '*');
  response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
  return response;
}

export function preflight(request: Request): Response {
  const requested = request.headers.get('access-control-request-headers');
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': requested ? `${ALLOWED_HEADERS}, ${requested}` : ALLOWED_HEADERS,
      'access-control-expose-headers': EXPOSED_HEADERS,
      'access-control-max-age': '600',
    },
  });
}
