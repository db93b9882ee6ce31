import { handleChatCompletions } from './chat/handle-chat.ts';
import { handleControl } from './control/handle-control.ts';
import { preflight, withCors } from './http/cors.ts';
import { errorResponse, jsonResponse, SimulatorError } from './http/errors.ts';
import { handleListModels, handleModelEndpoints } from './models/handle-models.ts';
import { resolveOptions, type SimulatorOptions } from './options.ts';
import { createState, type SimulatorState } from './state.ts';

/** A simulator instance: one `Request` in, one `Response` out, whatever serves it. */
export interface Simulator {
  /** Answers one request to `…/api/v1/*`. Never rejects: failures become error responses. */
  handle(request: Request): Promise<Response>;
  /** Releases streams held by the `hold` scenario under `id`; returns how many were waiting. */
  release(id: string): number;
  /** Forgets `times=N` counters and the standing scenario. */
  reset(): void;
}

const API_PREFIX = '/api/v1';

/**
 * Creates a simulator of the chat completions API: models, routing over simulated providers,
 * streaming, and failure scenarios, all deterministic for a given request.
 *
 * @example
 * const simulator = createSimulator({ tokenDelayMs: 0 });
 * const response = await simulator.handle(new Request('http://sim/api/v1/models'));
 */
export function createSimulator(options?: SimulatorOptions): Simulator {
  const state = createState(resolveOptions(options));
  return {
    handle: async (request) => withCors(await route(request, state)),
    release: (id) => state.holds.release(id),
    reset: () => {
      state.counters.reset();
      state.holds.forgetCredits();
      state.standing = null;
      state.received = [];
    },
  };
}

async function route(request: Request, state: SimulatorState): Promise<Response> {
  try {
    if (request.method === 'OPTIONS') return preflight(request);
    const url = new URL(request.url);
    const pathname = url.pathname.replace(/\/+$/, '');
    const at = pathname.indexOf(API_PREFIX);
    if (at < 0) return pathname === '' ? welcome() : routeNotFound(request, pathname);
    const path = pathname.slice(at + API_PREFIX.length);
    const method = request.method;

    if (path === '/chat/completions') {
      return method === 'POST' ? await handleChatCompletions(request, state) : notAllowed('POST');
    }
    if (path === '/models') return method === 'GET' ? handleListModels(url) : notAllowed('GET');
    const endpoints = /^\/models\/([^/]+)\/([^/]+)\/endpoints$/.exec(path);
    if (endpoints)
      return method === 'GET'
        ? handleModelEndpoints(endpoints[1] ?? '', endpoints[2] ?? '')
        : notAllowed('GET');
    const control = /^\/_parley\/([\w-]+)$/.exec(path);
    if (control) return await handleControl(request, control[1] ?? '', state);
    if (path === '') return welcome();
    return routeNotFound(request, pathname);
  } catch (error) {
    if (error instanceof SimulatorError) return errorResponse(error);
    // A simulator bug must still answer in the API's error shape rather than take the server down.
    const message = error instanceof Error ? error.message : String(error);
    return jsonResponse(
      {
        error: {
          code: 'internal_server_error',
          message: `The simulator failed: ${message}`,
          param: '',
          type: 'server_error',
        },
      },
      500,
    );
  }
}

function notAllowed(allowed: string): Response {
  return jsonResponse(
    {
      error: {
        code: 'method_not_allowed',
        message: `Use ${allowed} on this endpoint.`,
        param: '',
        type: 'invalid_request_error',
      },
    },
    405,
    { allow: `${allowed}, OPTIONS` },
  );
}

function routeNotFound(request: Request, pathname: string): Response {
  return jsonResponse(
    {
      error: {
        code: 'not_found',
        message: `No route for ${request.method} ${pathname}. The API lives under ${API_PREFIX}: POST /chat/completions, GET /models, GET /models/{author}/{slug}/endpoints.`,
        param: '',
        type: 'not_found_error',
      },
    },
    404,
  );
}

function welcome(): Response {
  return jsonResponse({
    name: 'Parley simulator',
    baseURL: API_PREFIX,
    endpoints: [
      'POST /chat/completions',
      'GET /models',
      'GET /models/{author}/{slug}/endpoints',
      'POST /_parley/release?id=<id>',
    ],
  });
}
