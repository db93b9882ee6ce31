import type { Modality, Model, ModelEndpoint } from '@parley/client';
import { isScenarioName } from '../scenarios/catalog.ts';
import { type BasePrice, PROVIDERS, type ProviderSlug, toEndpoint, toPricing } from './providers.ts';

/** Which generator writes a model's answers (see generate/). */
export type GeneratorKind = 'echo' | 'reasoner' | 'tool-caller' | 'vision' | 'structured';

export interface SimulatedModel {
  model: Model;
  generator: GeneratorKind;
  endpoints: ModelEndpoint[];
}

// 2025-01-01T00:00:00Z: a fixed date keeps `/models` byte-identical across runs.
const CREATED = 1_735_689_600;

const COMMON_PARAMETERS = [
  'max_tokens',
  'temperature',
  'top_p',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
];

interface ModelDefinition {
  id: string;
  name: string;
  description: string;
  generator: GeneratorKind;
  contextLength: number;
  input: Modality[];
  price: BasePrice;
  parameters: string[];
  providers: ProviderSlug[];
  reasoning?: Model['reasoning'];
}

const DEFINITIONS: ModelDefinition[] = [
  {
    id: 'parley/echo',
    name: 'Parley: Echo',
    description:
      'A simulated chat model that answers from the conversation: it quotes or summarises your last message and says what it was given. Deterministic for a given request and seed.',
    generator: 'echo',
    contextLength: 32_768,
    input: ['text'],
    price: { prompt: 0.1, completion: 0.4 },
    parameters: [...COMMON_PARAMETERS],
    providers: ['parley', 'lyrebird', 'mynah'],
  },
  {
    id: 'parley/reasoner',
    name: 'Parley: Reasoner',
    description:
      'A simulated reasoning model. It streams reasoning and signed reasoning_details before answering, scaled by reasoning.effort, and refuses a conversation whose earlier reasoning_details were dropped or changed.',
    generator: 'reasoner',
    contextLength: 65_536,
    input: ['text'],
    price: { prompt: 1, completion: 4 },
    parameters: [...COMMON_PARAMETERS, 'reasoning', 'include_reasoning'],
    providers: ['parley', 'starling'],
    reasoning: {
      supported: true,
      efforts: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'],
      returns_encrypted: true,
      returns_summary: true,
    },
  },
  {
    id: 'parley/tool-caller',
    name: 'Parley: Tool Caller',
    description:
      'A simulated model that calls the tools you offer: one or several in parallel, with arguments valid against each JSON Schema, over several rounds, then answers from the results.',
    generator: 'tool-caller',
    contextLength: 65_536,
    input: ['text'],
    price: { prompt: 0.5, completion: 1.5 },
    parameters: [...COMMON_PARAMETERS, 'tools', 'tool_choice', 'parallel_tool_calls'],
    providers: ['parley', 'mynah', 'lyrebird'],
  },
  {
    id: 'parley/vision',
    name: 'Parley: Vision',
    description:
      'A simulated multimodal model. It accepts images (URL or data URL), audio and video, and says what it received: kind, format and size.',
    generator: 'vision',
    contextLength: 131_072,
    input: ['text', 'image', 'audio', 'video'],
    price: { prompt: 0.8, completion: 3.2, image: 0.001 },
    parameters: [...COMMON_PARAMETERS],
    providers: ['parley', 'starling'],
  },
  {
    id: 'parley/structured',
    name: 'Parley: Structured',
    description:
      'A simulated model for structured output: with response_format json_object or json_schema it streams JSON that validates against your schema, filled from the conversation.',
    generator: 'structured',
    contextLength: 32_768,
    input: ['text'],
    price: { prompt: 0.3, completion: 1.2 },
    parameters: [...COMMON_PARAMETERS, 'response_format', 'structured_outputs'],
    providers: ['parley', 'mynah'],
  },
];

function build(definition: ModelDefinition): SimulatedModel {
  const supported = [...definition.parameters].sort();
  const model: Model = {
    id: definition.id,
    canonical_slug: definition.id,
    name: definition.name,
    description: definition.description,
    created: CREATED,
    context_length: definition.contextLength,
    pricing: toPricing(definition.price),
    architecture: {
      modality: `${definition.input.join('+')}->text`,
      input_modalities: definition.input,
      output_modalities: ['text'],
      tokenizer: 'Parley',
      instruct_type: null,
    },
    top_provider: {
      context_length: definition.contextLength,
      max_completion_tokens: 8192,
      is_moderated: false,
    },
    per_request_limits: null,
    supported_parameters: supported,
    ...(definition.reasoning ? { reasoning: definition.reasoning } : {}),
    default_parameters: null,
  };
  const endpoints = definition.providers.map((slug) =>
    toEndpoint(
      definition.id,
      definition.name,
      definition.contextLength,
      definition.price,
      supported,
      PROVIDERS[slug],
    ),
  );
  return { model, generator: definition.generator, endpoints };
}

const CATALOG: ReadonlyMap<string, SimulatedModel> = new Map(
  DEFINITIONS.map((definition) => [definition.id, build(definition)]),
);

/** The model OpenRouter would use for an account default; the simulator's is the echo model. */
export const DEFAULT_MODEL_ID = 'parley/echo';

export function listModels(): SimulatedModel[] {
  return [...CATALOG.values()];
}

/**
 * Finds a model by id. OpenRouter's variant suffixes (`:nitro`, `:floor`, `:free`, ...) are
 * accepted and returned separately, since they change routing rather than the model. A suffix
 * that is a scenario (`parley/echo:unavailable`, `parley/echo:drop;after=3`) injects that failure
 * into every attempt on this model, for clients that can set neither a header nor metadata.
 */
export function findModel(
  id: string,
): { entry: SimulatedModel; variant: string | null; scenario: string | null } | undefined {
  const colon = id.indexOf(':');
  const base = colon < 0 ? id : id.slice(0, colon);
  const suffix = colon < 0 ? null : id.slice(colon + 1);
  const entry = CATALOG.get(base);
  if (!entry) return undefined;
  if (suffix === null) return { entry, variant: null, scenario: null };
  if (MODEL_VARIANTS.includes(suffix)) return { entry, variant: suffix, scenario: null };
  const scenarioName = suffix.split(/[;,]/, 1)[0]?.trim().toLowerCase() ?? '';
  return isScenarioName(scenarioName) ? { entry, variant: null, scenario: suffix } : undefined;
}

/**
 * `:nitro` sorts by throughput, `:floor` by price, `:online` adds web search citations; the others
 * serve as the base model.
 */
export const MODEL_VARIANTS = ['nitro', 'floor', 'free', 'extended', 'exacto', 'online'];
