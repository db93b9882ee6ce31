/**
 * What the picker shows and filters on, read from a catalogue entry (`GET /models`): pure
 * functions, so the list, the filters and the benchmark agree on one reading.
 */
import type { Modality, Model } from '@parley/client';

/** Capabilities a person can filter on. */
export type ModelCapability = 'reasoning' | 'tools' | 'structured' | 'image-input';

/** Labels of the capability filters, in the order they are offered. */
export const CAPABILITY_LABELS: Record<ModelCapability, string> = {
  reasoning: 'Reasons',
  tools: 'Tools',
  structured: 'Structured output',
  'image-input': 'Image input',
};

/** The `:nitro` (fastest throughput first) and `:floor` (cheapest first) routing variants. */
export type ModelVariant = '' | 'nitro' | 'floor';

/** Labels of the variants, as the picker offers them. */
export const VARIANT_LABELS: Record<ModelVariant, string> = {
  '': 'Default routing',
  nitro: 'Nitro (fastest)',
  floor: 'Floor (cheapest)',
};

/** Whether `model` has `capability`. */
export function hasCapability(model: Model, capability: ModelCapability): boolean {
  const parameters = model.supported_parameters;
  switch (capability) {
    case 'reasoning':
      return model.reasoning?.supported === true || parameters.includes('reasoning');
    case 'tools':
      return parameters.includes('tools');
    case 'structured':
      return parameters.includes('structured_outputs') || parameters.includes('response_format');
    case 'image-input':
      return model.architecture.input_modalities.includes('image');
  }
}

/** The author of a model: the part of its id before the slash (`openai/gpt-4o` is `openai`). */
export function modelAuthor(model: Pick<Model, 'id'>): string {
  const slash = model.id.indexOf('/');
  return slash === -1 ? model.id : model.id.slice(0, slash);
}

/** `id` split into the model and its variant (`parley/echo:nitro` is `parley/echo` and `nitro`); other suffixes are kept in the id. */
export function splitVariant(id: string): { id: string; variant: ModelVariant } {
  for (const variant of ['nitro', 'floor'] as const) {
    if (id.endsWith(`:${variant}`)) return { id: id.slice(0, -variant.length - 1), variant };
  }
  return { id, variant: '' };
}

/** `id` with `variant` (replacing any variant it had). */
export function withVariant(id: string, variant: ModelVariant): string {
  const base = splitVariant(id).id;
  return variant === '' ? base : `${base}:${variant}`;
}

/** A per-token price string (USD) as dollars per million tokens: `"0.0000005"` is `$0.50`. */
export function pricePerMillion(perToken: string | undefined): string {
  const value = Number(perToken);
  if (perToken === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return 'free';
  const perMillion = value * 1_000_000;
  return `$${perMillion < 0.01 ? perMillion.toPrecision(2) : perMillion.toFixed(2)}`;
}

/** A context length for people: 128000 is `128K`, 1048576 is `1M`. */
export function contextLabel(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_048_576).toFixed(1))}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1024)}K`;
  return String(tokens);
}

/** The modalities a model takes in and gives out. */
export function modalities(model: Model): { input: Modality[]; output: Modality[] } {
  return { input: model.architecture.input_modalities, output: model.architecture.output_modalities };
}

/** A catalogue prepared once for fast filtering: lower-cased search text per model. */
export interface ModelIndex {
  models: readonly Model[];
  haystacks: readonly string[];
}

/**
 * Prepares `models` for {@link searchModels}, once per catalogue: sorted by author then name (a
 * filter keeps that order, so no keystroke sorts) with lower-cased search text beside each.
 */
export function indexModels(models: readonly Model[]): ModelIndex {
  const sorted = [...models].sort(
    (a, b) => modelAuthor(a).localeCompare(modelAuthor(b)) || a.name.localeCompare(b.name),
  );
  return {
    models: sorted,
    haystacks: sorted.map((model) => `${model.name} ${model.id} ${modelAuthor(model)}`.toLowerCase()),
  };
}

/**
 * The models matching every word of `query` (in name, id or author) and every capability, in the
 * index's order (by author, then name), so the list can show one heading per author.
 */
export function searchModels(
  index: ModelIndex,
  query: string,
  capabilities: readonly ModelCapability[] = [],
): Model[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: Model[] = [];
  index.models.forEach((model, position) => {
    const haystack = index.haystacks[position] ?? '';
    if (!words.every((word) => haystack.includes(word))) return;
    if (!capabilities.every((capability) => hasCapability(model, capability))) return;
    found.push(model);
  });
  return found.sort((a, b) => modelAuthor(a).localeCompare(modelAuthor(b)) || a.name.localeCompare(b.name));
}

/** One row of the grouped list: an author's heading or a model. */
export type ModelRow = { kind: 'author'; author: string } | { kind: 'model'; model: Model };

/** `models` (sorted by author) with a heading row before each author's first model. */
export function groupByAuthor(models: readonly Model[]): ModelRow[] {
  const rows: ModelRow[] = [];
  let author: string | undefined;
  for (const model of models) {
    const next = modelAuthor(model);
    if (next !== author) {
      author = next;
      rows.push({ kind: 'author', author: next });
    }
    rows.push({ kind: 'model', model });
  }
  return rows;
}
