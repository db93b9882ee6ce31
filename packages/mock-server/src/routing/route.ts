import type { ModelEndpoint } from '@parley/client';
import type { Rng } from '../generate/prng.ts';
import type { ChatRequest } from '../generate/turn.ts';
import { invalidRequest, notFound, SimulatorError } from '../http/errors.ts';
import { DEFAULT_MODEL_ID, findModel, type SimulatedModel } from '../models/catalog.ts';
import { promptTokens } from '../respond/usage.ts';
import { parseScenarios, type Scenario } from '../scenarios/parse.ts';
import { filterEndpoints } from './filters.ts';
import { matchesProvider } from './match.ts';
import { requiredModalities } from './requirements.ts';

/** One model on one simulated provider, in the order the router will try them. */
export interface Attempt {
  /** The id as requested, variant included (`parley/echo:nitro`). */
  modelId: string;
  entry: SimulatedModel;
  endpoint: ModelEndpoint;
  /** Scenarios named in the model id (`parley/echo:unavailable`), aimed at this attempt. */
  scenarios: Scenario[];
}

type ProviderSort = 'price' | 'throughput' | 'latency';

const ROUTING_DOCS =
  'To learn more about provider routing, visit: https://openrouter.ai/docs/provider-routing';

/**
 * Plans the attempts for a request: each model of `model` then `models[]`, and for each the
 * endpoints left by the `provider` preferences, ordered as OpenRouter orders them. A model with
 * no usable endpoint is skipped; if none has one, the primary model's reason is the error.
 */
export function planAttempts(params: ChatRequest, rng: Rng): Attempt[] {
  const requested = requestedModels(params);
  const attempts: Attempt[] = [];
  let firstError: SimulatorError | undefined;
  for (const { id, param } of requested) {
    const found = findModel(id);
    if (!found) throw invalidRequest(`${id} is not a valid model ID`, param, 'invalid_model');
    const scenarios = found.scenario === null ? [] : parseScenarios(found.scenario, param);
    try {
      const endpoints = endpointsFor(params, found.entry, found.variant, rng);
      attempts.push(
        ...endpoints.map((endpoint) => ({ modelId: id, entry: found.entry, endpoint, scenarios })),
      );
    } catch (error) {
      if (!(error instanceof SimulatorError)) throw error;
      firstError ??= error;
    }
  }
  if (attempts.length === 0 && firstError) throw firstError;
  return attempts;
}

function requestedModels(params: ChatRequest): { id: string; param: string }[] {
  const list: { id: string; param: string }[] = [];
  if (params.model) list.push({ id: params.model, param: 'model' });
  params.models?.forEach((id, index) => {
    if (!list.some((item) => item.id === id)) list.push({ id, param: `models[${index}]` });
  });
  return list.length > 0 ? list : [{ id: DEFAULT_MODEL_ID, param: 'model' }];
}

function endpointsFor(
  params: ChatRequest,
  entry: SimulatedModel,
  variant: string | null,
  rng: Rng,
): ModelEndpoint[] {
  const { model } = entry;
  for (const modality of requiredModalities(params)) {
    if (!model.architecture.input_modalities.includes(modality)) {
      throw notFound(
        `No endpoints found that support ${modality} input. ${ROUTING_DOCS}`,
        'unsupported_modality',
        'messages',
      );
    }
  }
  if (params.tools?.length && !model.supported_parameters.includes('tools')) {
    throw notFound(
      `No endpoints found that support tool use. ${ROUTING_DOCS}`,
      'unsupported_parameter',
      'tools',
    );
  }
  const prompt = promptTokens(params);
  if (prompt > model.context_length) {
    throw invalidRequest(
      `This endpoint's maximum context length is ${model.context_length} tokens. However, you requested about ${prompt} tokens (${prompt} of text input). Please reduce the length of the messages.`,
      'messages',
      'context_length_exceeded',
    );
  }
  const preferences = params.provider ?? {};
  const candidates = filterEndpoints(entry.endpoints, params, preferences);
  return orderEndpoints(candidates, preferences, sortFor(preferences.sort, variant), rng);
}

function sortFor(
  sort: NonNullable<ChatRequest['provider']>['sort'],
  variant: string | null,
): ProviderSort | null {
  if (variant === 'nitro') return 'throughput';
  if (variant === 'floor') return 'price';
  if (typeof sort === 'string') return sort;
  return sort?.by ?? null;
}

const price = (endpoint: ModelEndpoint) =>
  Number(endpoint.pricing.prompt) + Number(endpoint.pricing.completion);

function orderEndpoints(
  candidates: ModelEndpoint[],
  preferences: NonNullable<ChatRequest['provider']>,
  sort: ProviderSort | null,
  rng: Rng,
): ModelEndpoint[] {
  const order = (preferences.order ?? []).map((name) => name.toLowerCase());
  const rank = (endpoint: ModelEndpoint) => {
    const position = order.findIndex((name) => matchesProvider(endpoint, name));
    return position < 0 ? Number.POSITIVE_INFINITY : position;
  };
  const ordered = candidates.filter((endpoint) => rank(endpoint) < Number.POSITIVE_INFINITY);
  ordered.sort((a, b) => rank(a) - rank(b));
  const rest = candidates.filter((endpoint) => !ordered.includes(endpoint));
  const sortedRest = sort ? sortBy(rest, sort) : preferFast(loadBalance(rest, rng), preferences);
  if (preferences.allow_fallbacks === false) {
    // Without fallbacks only the custom providers (`order`) may serve, or the primary one when
    // there is no order; an order that names none of this model's providers leaves nobody.
    const only = order.length > 0 ? ordered : sortedRest.slice(0, 1);
    if (only.length === 0)
      throw notFound(
        'No allowed providers are available for the selected model.',
        'no_allowed_providers',
        order.length > 0 ? 'provider.order' : 'provider',
      );
    return only;
  }
  return [...ordered, ...sortedRest];
}

function sortBy(endpoints: ModelEndpoint[], sort: ProviderSort): ModelEndpoint[] {
  const key: Record<ProviderSort, (endpoint: ModelEndpoint) => number> = {
    price,
    throughput: (endpoint) => -(endpoint.throughput_last_30m ?? 0),
    latency: (endpoint) => endpoint.latency_last_30m ?? Number.POSITIVE_INFINITY,
  };
  return [...endpoints].sort((a, b) => key[sort](a) - key[sort](b));
}

/** OpenRouter's default: picks weighted by the inverse square of price, drawn from the request's seeded stream. */
function loadBalance(endpoints: ModelEndpoint[], rng: Rng): ModelEndpoint[] {
  const pool = [...endpoints];
  const result: ModelEndpoint[] = [];
  while (pool.length > 0) {
    const weights = pool.map((endpoint) => 1 / Math.max(price(endpoint), 1e-12) ** 2);
    let roll = rng.next() * weights.reduce((sum, weight) => sum + weight, 0);
    let index = 0;
    while (index < pool.length - 1 && roll >= (weights[index] ?? 0)) roll -= weights[index++] ?? 0;
    result.push(...pool.splice(index, 1));
  }
  return result;
}

/** Soft limits: endpoints meeting `preferred_min_throughput` and `preferred_max_latency` go first. */
function preferFast(
  endpoints: ModelEndpoint[],
  preferences: NonNullable<ChatRequest['provider']>,
): ModelEndpoint[] {
  const { preferred_min_throughput: minThroughput, preferred_max_latency: maxLatency } = preferences;
  if (minThroughput == null && maxLatency == null) return endpoints;
  const meets = (endpoint: ModelEndpoint) =>
    (minThroughput == null || (endpoint.throughput_last_30m ?? 0) >= minThroughput) &&
    (maxLatency == null || (endpoint.latency_last_30m ?? Number.POSITIVE_INFINITY) <= maxLatency * 1000);
  return [...endpoints.filter(meets), ...endpoints.filter((endpoint) => !meets(endpoint))];
}
