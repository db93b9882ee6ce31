import { TAG_HEADER } from '../control/received.ts';
import { applyAnswerScenarios } from '../generate/answer-scenarios.ts';
import { lastUserText } from '../generate/conversation.ts';
import { GENERATORS } from '../generate/generators.ts';
import { applyLimits } from '../generate/limits.ts';
import { canonicalJson, createRng, hashString, hexDigest } from '../generate/prng.ts';
import type { ChatRequest } from '../generate/turn.ts';
import { wantsWebSearch, withWebCitations } from '../generate/web-search.ts';
import { readJsonBody } from '../http/body.ts';
import type { SimulatorError } from '../http/errors.ts';
import { tokenLogprob } from '../respond/logprobs.ts';
import type { RenderedTurn } from '../respond/render.ts';
import { buildUsage } from '../respond/usage.ts';
import { type Attempt, planAttempts } from '../routing/route.ts';
import type { Scenario } from '../scenarios/parse.ts';
import { isFiltered, targets } from '../scenarios/select.ts';
import { recordRequest, type SimulatorState } from '../state.ts';
import { toDelivery } from '../stream/delivery.ts';
import { deliverJson } from '../stream/json-response.ts';
import { streamResponse } from '../stream/sse-response.ts';
import { authorize } from './authorize.ts';
import { toFailure } from './failures.ts';
import { kindOf, scenariosFor } from './scenarios-for.ts';
import { validateChatRequest } from './validate-request.ts';

/**
 * `POST /chat/completions`: authorise, validate against the spec, plan the routing attempts,
 * inject the scenarios' failures, generate the answer and deliver it as JSON or a stream.
 */
export async function handleChatCompletions(request: Request, state: SimulatorState): Promise<Response> {
  authorize(request, state.options);
  const body = await readJsonBody(request, state.options.maxBodyBytes);
  // Kept before validation, so a test sees what a UI sent even when the simulator refuses it.
  recordRequest(state, { tag: request.headers.get(TAG_HEADER), body });
  const params = validateChatRequest(body);
  const scenarios = scenariosFor(request, params, state);
  const seed = requestSeed(params, state.options.seed);
  const attempts = planAttempts(params, createRng(seed).fork('routing'));

  const fires = (scenario: Scenario, attempt: Attempt, filtered: boolean) =>
    kindOf(scenario) === 'http' &&
    isFiltered(scenario) === filtered &&
    targets(scenario, attempt.modelId, attempt.endpoint.provider_name) &&
    state.counters.fire(scenario);

  const [first] = attempts;
  // Unfiltered failures hit the request as a whole, before any provider is tried, so no fallback saves it.
  const requestFailure = first && scenarios.find((scenario) => fires(scenario, first, false));
  const userText = lastUserText(params.messages);
  if (first && requestFailure) throw withAttempts(toFailure(requestFailure, first, userText), 1);

  let lastFailure: SimulatorError | undefined;
  const tried: string[] = [];
  for (const [index, attempt] of attempts.entries()) {
    const failure =
      attempt.scenarios.find((scenario) => kindOf(scenario) === 'http' && state.counters.fire(scenario)) ??
      scenarios.find((scenario) => fires(scenario, attempt, true));
    if (failure) {
      lastFailure = withAttempts(toFailure(failure, attempt, userText), index + 1);
      tried.push(routeEntry(attempt, lastFailure.status));
      lastFailure.headers['x-parley-route'] = tried.join(', ');
      continue;
    }
    tried.push(routeEntry(attempt, 200));
    return respond(request, params, scenarios, attempt, seed, index + 1, state, tried.join(', '));
  }
  throw lastFailure ?? new Error('routing planned no attempts');
}

/**
 * One attempt in the `x-parley-route` header: `model=<id>;provider=<name>;status=<http status>`,
 * values URI-encoded because model ids may carry scenario suffixes (`;`, `=`, `,`).
 */
function routeEntry(attempt: Attempt, status: number): string {
  const model = encodeURIComponent(attempt.modelId);
  return `model=${model};provider=${encodeURIComponent(attempt.endpoint.provider_name)};status=${status}`;
}

function withAttempts(error: SimulatorError, attempts: number): SimulatorError {
  error.headers['x-parley-attempts'] = String(attempts);
  return error;
}

/** A seed from everything that shapes the answer; delivery and routing fields are left out so they cannot change the text. */
function requestSeed(params: ChatRequest, simulatorSeed: number): number {
  const {
    stream,
    stream_options,
    metadata,
    provider,
    models,
    model,
    route,
    user,
    session_id,
    debug,
    plugins,
    ...rest
  } = params;
  return hashString(canonicalJson(rest), simulatorSeed);
}

function respond(
  request: Request,
  params: ChatRequest,
  scenarios: Scenario[],
  attempt: Attempt,
  seed: number,
  attemptCount: number,
  state: SimulatorState,
  route: string,
): Response | Promise<Response> {
  const { entry, endpoint } = attempt;
  const rng = createRng(hashString(entry.model.id, seed));
  const aimed = [...attempt.scenarios, ...scenarios].filter((scenario) =>
    targets(scenario, attempt.modelId, endpoint.provider_name),
  );
  const answerScenarios = aimed.filter(
    (scenario) => kindOf(scenario) === 'answer' && state.counters.fire(scenario),
  );
  let generated = GENERATORS[entry.generator]({ params, entry, rng, memory: state.memory });
  if (wantsWebSearch(params, attempt.modelId)) generated = withWebCitations(generated, params);
  const turn = applyAnswerScenarios(applyLimits(generated, params), answerScenarios);
  const created = Math.floor(Date.now() / 1000);
  const id = `gen-${created}-${hexDigest(`${seed}:${state.sequence++}`, 20)}`;
  const logprobRng = rng.fork('logprobs');
  const extra = params as Record<string, unknown>;
  const rendered: RenderedTurn = {
    id,
    created,
    model: entry.model.id,
    provider: endpoint.provider_name,
    turn,
    usage: buildUsage(params, turn, endpoint),
    logprobs: params.logprobs
      ? turn.content.map((token) => tokenLogprob(token, params.top_logprobs ?? 0, logprobRng))
      : null,
    excludeReasoning:
      extra.include_reasoning === false ||
      (extra.reasoning as { exclude?: unknown } | undefined)?.exclude === true,
  };
  const streamScenarios = aimed.filter(
    (scenario) => kindOf(scenario) === 'stream' && state.counters.fire(scenario),
  );
  // `pace` works on any scenario aimed at this attempt, `none;pace=0` included.
  const pace = aimed.find((scenario) => scenario.pace !== null)?.pace;
  const delivery = toDelivery(
    streamScenarios,
    pace ?? state.options.tokenDelayMs,
    params.stream_options?.include_usage === true,
  );
  const headers = {
    'x-parley-model': entry.model.id,
    'x-parley-provider': endpoint.provider_name,
    'x-parley-attempts': String(attemptCount),
    'x-parley-route': route,
    'x-request-id': id,
  };
  return params.stream
    ? streamResponse(rendered, delivery, state.holds, headers)
    : deliverJson(rendered, delivery, state.holds, request.signal, headers);
}
