import type { ModelEndpoint } from '@parley/client';
import type { ChatRequest } from '../generate/turn.ts';
import { notFound } from '../http/errors.ts';
import { matchesProvider } from './match.ts';
import { usedParameters } from './requirements.ts';

type Preferences = NonNullable<ChatRequest['provider']>;

interface Filter {
  applies: (preferences: Preferences) => boolean;
  keep: (endpoint: ModelEndpoint, preferences: Preferences, params: ChatRequest) => boolean;
  /** OpenRouter's error when this filter leaves nothing. */
  message: string;
  code: string;
  param: string;
}

const PRIVACY = 'Configure: https://openrouter.ai/settings/privacy';
const perMillion = (value: string | undefined) => Number(value ?? 0) * 1_000_000;

const FILTERS: Filter[] = [
  {
    applies: (p) => Boolean(p.only?.length),
    keep: (endpoint, p) => (p.only ?? []).some((name) => matchesProvider(endpoint, name)),
    message: 'No allowed providers are available for the selected model.',
    code: 'no_allowed_providers',
    param: 'provider.only',
  },
  {
    applies: (p) => Boolean(p.ignore?.length),
    keep: (endpoint, p) => !(p.ignore ?? []).some((name) => matchesProvider(endpoint, name)),
    message: 'No allowed providers are available for the selected model.',
    code: 'no_allowed_providers',
    param: 'provider.ignore',
  },
  {
    applies: (p) => Boolean(p.quantizations?.length),
    keep: (endpoint, p) =>
      endpoint.quantization !== null && (p.quantizations ?? []).includes(endpoint.quantization),
    message: 'No endpoints found matching your quantization preferences.',
    code: 'no_matching_quantization',
    param: 'provider.quantizations',
  },
  {
    applies: (p) => p.data_collection === 'deny',
    keep: (endpoint) => !endpoint.data_policy?.training && !endpoint.data_policy?.retains_prompts,
    message: `No endpoints found matching your data policy (data_collection: deny). ${PRIVACY}`,
    code: 'no_matching_data_policy',
    param: 'provider.data_collection',
  },
  {
    applies: (p) => p.zdr === true,
    keep: (endpoint) => endpoint.data_policy?.zdr === true,
    message: `No endpoints found matching your data policy (Zero Data Retention). ${PRIVACY}`,
    code: 'no_matching_data_policy',
    param: 'provider.zdr',
  },
  {
    applies: (p) => p.require_parameters === true,
    keep: (endpoint, _p, params) =>
      usedParameters(params).every((name) => endpoint.supported_parameters.includes(name)),
    message: 'No endpoints found that can handle the requested parameters.',
    code: 'unsupported_parameter',
    param: 'provider.require_parameters',
  },
  {
    applies: (p) => p.max_price != null,
    keep: (endpoint, p) => {
      const max = p.max_price ?? {};
      const within = (limit: number | string | undefined, price: string | undefined) =>
        limit === undefined || perMillion(price) <= Number(limit);
      return (
        within(max.prompt, endpoint.pricing.prompt) && within(max.completion, endpoint.pricing.completion)
      );
    },
    message: 'No endpoints found matching your max_price preferences.',
    code: 'no_matching_price',
    param: 'provider.max_price',
  },
  {
    applies: (p) => p.min_throughput != null,
    keep: (endpoint, p) => (endpoint.throughput_last_30m ?? 0) >= (p.min_throughput ?? 0),
    message: 'No endpoints found matching your throughput preferences (min_throughput).',
    code: 'no_matching_performance',
    param: 'provider.min_throughput',
  },
  {
    applies: (p) => p.max_latency != null,
    // max_latency is in seconds, as OpenRouter documents it; endpoint latency is in milliseconds.
    keep: (endpoint, p) =>
      (endpoint.latency_last_30m ?? Number.POSITIVE_INFINITY) <=
      (p.max_latency ?? Number.POSITIVE_INFINITY) * 1000,
    message: 'No endpoints found matching your latency preferences (max_latency).',
    code: 'no_matching_performance',
    param: 'provider.max_latency',
  },
];

/** Applies the hard `provider` filters in turn; the one that leaves nothing names the error. */
export function filterEndpoints(
  endpoints: readonly ModelEndpoint[],
  params: ChatRequest,
  preferences: Preferences,
): ModelEndpoint[] {
  let candidates = [...endpoints];
  for (const filter of FILTERS) {
    if (!filter.applies(preferences)) continue;
    candidates = candidates.filter((endpoint) => filter.keep(endpoint, preferences, params));
    if (candidates.length === 0) throw notFound(filter.message, filter.code, filter.param);
  }
  return candidates;
}
