import type { ModelEndpoint, ModelPricing, Quantization } from '@parley/client';

/**
 * The simulated providers. Names are invented (birds that mimic speech) so no one mistakes a
 * simulated endpoint for a real company's; each differs in price, speed, quantization and data
 * policy so that every `provider` preference has something to choose between.
 */
export interface SimulatedProvider {
  name: string;
  slug: string;
  quantization: Quantization;
  /** Multiplies the model's base price. */
  priceFactor: number;
  latencyMs: number;
  throughput: number;
  uptime: number;
  training: boolean;
  retainsPrompts: boolean;
  zdr: boolean;
  implicitCaching: boolean;
  /** Parameters this provider does not accept even where the model does. */
  unsupported: readonly string[];
}

export const PROVIDERS = {
  parley: {
    name: 'Parley',
    slug: 'parley',
    quantization: 'bf16',
    priceFactor: 1,
    latencyMs: 420,
    throughput: 85,
    uptime: 99.9,
    training: false,
    retainsPrompts: false,
    zdr: true,
    implicitCaching: true,
    unsupported: [],
  },
  lyrebird: {
    name: 'Lyrebird',
    slug: 'lyrebird',
    quantization: 'int8',
    priceFactor: 0.5,
    latencyMs: 900,
    throughput: 160,
    uptime: 97.5,
    training: true,
    retainsPrompts: true,
    zdr: false,
    implicitCaching: false,
    unsupported: ['logprobs', 'top_logprobs', 'logit_bias'],
  },
  mynah: {
    name: 'Mynah',
    slug: 'mynah',
    quantization: 'fp16',
    priceFactor: 1.6,
    latencyMs: 180,
    throughput: 60,
    uptime: 99.99,
    training: false,
    retainsPrompts: true,
    zdr: false,
    implicitCaching: true,
    unsupported: [],
  },
  starling: {
    name: 'Starling',
    slug: 'starling',
    quantization: 'fp8',
    priceFactor: 0.8,
    latencyMs: 650,
    throughput: 110,
    uptime: 99.2,
    training: false,
    retainsPrompts: false,
    zdr: true,
    implicitCaching: false,
    unsupported: ['seed'],
  },
} as const satisfies Record<string, SimulatedProvider>;

export type ProviderSlug = keyof typeof PROVIDERS;

/** Base prices in USD per million tokens (prompt, completion), scaled per provider. */
export interface BasePrice {
  prompt: number;
  completion: number;
  image?: number;
  request?: number;
}

export function toPricing(base: BasePrice, factor = 1): ModelPricing {
  const perToken = (perMillion: number) => toDecimal((perMillion * factor) / 1_000_000);
  return {
    prompt: perToken(base.prompt),
    completion: perToken(base.completion),
    request: toDecimal(base.request ?? 0),
    image: toDecimal((base.image ?? 0) * factor),
    ...(factor > 0 ? { input_cache_read: perToken(base.prompt / 10) } : {}),
  };
}

/**
 * OpenRouter sends prices as plain decimal strings ("0.0000001"); `String(1e-7)` would give
 * "1e-7", which a client that shows or splits the string gets wrong. Six significant digits drop
 * the float noise of the scaling.
 */
function toDecimal(value: number): string {
  const rounded = Number(value.toPrecision(6));
  return rounded.toFixed(15).replace(/\.?0+$/, '');
}

export function toEndpoint(
  modelId: string,
  modelName: string,
  contextLength: number,
  base: BasePrice,
  supported: readonly string[],
  provider: SimulatedProvider,
): ModelEndpoint {
  return {
    name: `${provider.name} | ${modelId}`,
    model_name: modelName,
    provider_name: provider.name,
    tag: `${provider.slug}/${provider.quantization}`,
    context_length: contextLength,
    max_completion_tokens: Math.min(8192, contextLength),
    max_prompt_tokens: null,
    quantization: provider.quantization,
    pricing: toPricing(base, provider.priceFactor),
    supported_parameters: supported.filter((parameter) => !provider.unsupported.includes(parameter)),
    status: 0,
    uptime_last_30m: provider.uptime,
    latency_last_30m: provider.latencyMs,
    throughput_last_30m: provider.throughput,
    supports_implicit_caching: provider.implicitCaching,
    data_policy: { training: provider.training, retains_prompts: provider.retainsPrompts, zdr: provider.zdr },
  };
}
