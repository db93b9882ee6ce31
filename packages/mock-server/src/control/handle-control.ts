import { invalidRequest, jsonResponse } from '../http/errors.ts';
import { parseScenarios } from '../scenarios/parse.ts';
import type { SimulatorState } from '../state.ts';

/**
 * The simulator's own endpoints under `/api/v1/_parley/`, for tests and demos:
 * releasing held streams, listing them, a standing scenario applied to every chat request
 * (for clients that cannot set a header), and the chat requests received (what a UI really sent).
 */
export async function handleControl(
  request: Request,
  action: string,
  state: SimulatorState,
): Promise<Response> {
  const url = new URL(request.url);
  switch (`${request.method} ${action}`) {
    case 'POST release': {
      const id = url.searchParams.get('id') ?? 'default';
      return jsonResponse({ id, released: state.holds.release(id) });
    }
    case 'GET holds':
      return jsonResponse({ data: state.holds.held() });
    case 'GET scenario':
      return jsonResponse({ scenario: state.standing?.text ?? null });
    case 'POST scenario': {
      const text = await scenarioText(request);
      state.standing = text ? { text, scenarios: parseScenarios(text, 'scenario') } : null;
      return jsonResponse({ scenario: state.standing?.text ?? null });
    }
    case 'DELETE scenario':
      state.standing = null;
      return jsonResponse({ scenario: null });
    case 'POST reset':
      state.standing = null;
      state.counters.reset();
      state.holds.forgetCredits();
      state.received = [];
      return jsonResponse({ reset: true });
    case 'GET requests': {
      // Tests run in parallel against one simulator; the tag keeps each one to its own requests.
      const tag = url.searchParams.get('tag');
      const received = tag === null ? state.received : state.received.filter((item) => item.tag === tag);
      return jsonResponse({ data: received.map((item) => item.body) });
    }
    default:
      return jsonResponse(
        {
          error: {
            code: 'not_found',
            message: `No control endpoint ${request.method} _parley/${action}.`,
            param: '',
            type: 'not_found_error',
          },
        },
        404,
      );
  }
}

async function scenarioText(request: Request): Promise<string> {
  const fromQuery = new URL(request.url).searchParams.get('scenario');
  if (fromQuery !== null) return fromQuery;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw invalidRequest(
      'Send {"scenario": "<name>[;key=value]*"} as JSON, or ?scenario=... in the URL.',
      'scenario',
    );
  }
  const scenario = (body as { scenario?: unknown } | null)?.scenario;
  if (scenario !== null && typeof scenario !== 'string')
    throw invalidRequest('scenario must be a string or null.', 'scenario');
  return scenario ?? '';
}
