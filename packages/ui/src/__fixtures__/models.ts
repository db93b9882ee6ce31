/**
 * Model catalogues for stories, tests and the picker benchmark, in the shape of `GET /models`.
 * Generated deterministically, so a 500-model catalogue is the same on every run.
 */
import type { Modality, Model, ModelEndpoint } from '@parley/client';

const AUTHORS = ['anthropic', 'google', 'meta-llama', 'mistralai', 'openai', 'qwen', 'deepseek', 'cohere'];
const FAMILIES = ['Nova', 'Atlas', 'Comet', 'Drift', 'Ember', 'Fjord', 'Glade', 'Harbor', 'Iris', 'Juniper'];
const SIZES = ['Mini', 'Small', 'Medium', 'Large', 'Ultra'];
const BASE_PARAMETERS = ['max_tokens', 'temperature', 'top_p', 'stop', 'seed'];

/** A catalogue entry with sensible defaults; override what a case needs. */
export function makeModel(id: string, overrides: Partial<Model> & { input?: Modality[] } = {}): Model {
  const { input = ['text'], ...rest } = overrides;
  return {
    id,
    name: id,
    description: `The model ${id}.`,
    created: 1_735_689_600,
    context_length: 128_000,
    pricing: { prompt: '0.0000005', completion: '0.0000015', request: '0', image: '0' },
    architecture: {
      modality: `${input.join('+')}->text`,
      input_modalities: input,
      output_modalities: ['text'],
    },
    top_provider: { context_length: 128_000, max_completion_tokens: 16_384, is_moderated: false },
    supported_parameters: [...BASE_PARAMETERS],
    ...rest,
  };
}

/** `count` models from eight authors with varied prices, contexts, modalities and capabilities. */
export function makeCatalogue(count: number): Model[] {
  return Array.from({ length: count }, (_, index) => {
    const author = AUTHORS[index % AUTHORS.length] ?? 'openai';
    const family = FAMILIES[Math.floor(index / AUTHORS.length) % FAMILIES.length] ?? 'Nova';
    const size = SIZES[index % SIZES.length] ?? 'Mini';
    const generation = 1 + Math.floor(index / (AUTHORS.length * FAMILIES.length));
    const slug = `${family}-${size}-${generation}`.toLowerCase();
    const parameters = [...BASE_PARAMETERS];
    if (index % 2 === 0) parameters.push('tools', 'tool_choice');
    if (index % 3 === 0) parameters.push('reasoning', 'include_reasoning');
    if (index % 4 === 0) parameters.push('response_format', 'structured_outputs');
    const input: Modality[] = index % 5 === 0 ? ['text', 'image'] : ['text'];
    if (index % 10 === 0) input.push('audio', 'file');
    return makeModel(`${author}/${slug}`, {
      name: `${author.split('-')[0]?.replace(/^./, (c) => c.toUpperCase())}: ${family} ${size} ${generation}`,
      context_length: 8192 * 2 ** (index % 8),
      pricing: {
        prompt: ((index % 17) * 0.000_000_25).toFixed(9),
        completion: ((index % 17) * 0.000_001).toFixed(9),
      },
      input,
      supported_parameters: parameters,
      ...(index % 3 === 0 ? { reasoning: { supported: true, efforts: ['low', 'medium', 'high'] } } : {}),
    });
  });
}

/** A text-only model that calls no tools: the picker shows no badges, the composer offers no files. */
export const plainTextModel = makeModel('acme/plain-text', {
  name: 'Acme: Plain Text',
  context_length: 4096,
  pricing: { prompt: '0.0000001', completion: '0.0000002' },
});

/** A vision model that reasons, calls tools and writes structured output. */
export const capableModel = makeModel('acme/omni', {
  name: 'Acme: Omni',
  context_length: 1_048_576,
  pricing: { prompt: '0.000003', completion: '0.000015' },
  input: ['text', 'image', 'audio', 'file'],
  supported_parameters: [...BASE_PARAMETERS, 'tools', 'tool_choice', 'reasoning', 'response_format', 'structured_outputs'],
  reasoning: { supported: true, efforts: ['low', 'medium', 'high'] },
});

/** Endpoints of one model on four providers, shaped like the simulator's `GET /models/{id}/endpoints`. */
export const echoEndpoints: ModelEndpoint[] = [
  ['Parley', 'bf16', 1, 420, 85, 99.9, 0],
  ['Lyrebird', 'int8', 0.5, 900, 160, 97.5, -1],
  ['Mynah', 'fp16', 1.6, 180, 60, 99.99, 0],
].map(([provider, quantization, factor, latency, throughput, uptime, status]) => ({
  name: `${provider} | parley/echo`,
  provider_name: String(provider),
  context_length: 32_768,
  max_completion_tokens: 8192,
  quantization: quantization as ModelEndpoint['quantization'],
  pricing: {
    prompt: (0.000_000_1 * Number(factor)).toFixed(10),
    completion: (0.000_000_4 * Number(factor)).toFixed(10),
  },
  supported_parameters: ['temperature', 'seed'],
  status: Number(status),
  uptime_last_30m: Number(uptime),
  latency_last_30m: Number(latency),
  throughput_last_30m: Number(throughput),
}));
