/**
 * Provider routing preferences in words, so a person can check what the form will do before
 * sending ("cheapest first; never providers that train on data"). Pure: the form's summary and
 * its tests read the same sentences.
 */
import type { ProviderPreferences } from '@parley/client';

const SORT_WORDS: Record<string, string> = {
  price: 'cheapest first',
  throughput: 'fastest output first',
  latency: 'quickest to answer first',
};

const list = (names: readonly unknown[]) => names.map(String).join(', ');

function sortPhrase(sort: ProviderPreferences['sort']): string | undefined {
  if (!sort) return undefined;
  const by = typeof sort === 'string' ? sort : sort.by;
  const words = by ? SORT_WORDS[by] : undefined;
  if (typeof sort !== 'string' && sort.partition === 'none' && words) return `${words}, across all models`;
  return words;
}

/** One phrase per preference set, in the order routing applies them; `[]` for none. */
export function describeProviderPrefs(prefs: ProviderPreferences): string[] {
  const phrases: string[] = [];
  if (prefs.order?.length) phrases.push(`try ${list(prefs.order)} first, in that order`);
  const sort = sortPhrase(prefs.sort);
  if (sort) phrases.push(sort);
  if (prefs.only?.length) phrases.push(`only ${list(prefs.only)}`);
  if (prefs.ignore?.length) phrases.push(`never ${list(prefs.ignore)}`);
  if (prefs.data_collection === 'deny') phrases.push('never providers that train on data or keep it');
  if (prefs.data_collection === 'allow') phrases.push('providers that keep data allowed');
  if (prefs.zdr === true) phrases.push('only zero-data-retention providers');
  if (prefs.enforce_distillable_text === true) phrases.push('only models whose output may be distilled');
  if (prefs.quantizations?.length) phrases.push(`only ${list(prefs.quantizations)} quantization`);
  if (prefs.require_parameters === true) phrases.push('only providers that support every parameter sent');
  const price = prefs.max_price;
  if (price) {
    const caps = (['prompt', 'completion', 'image', 'audio', 'request'] as const)
      .filter((key) => price[key] !== undefined)
      .map((key) => `${key} $${price[key]}`);
    if (caps.length)
      phrases.push(`at most ${caps.join(', ')} (per million tokens; per image, clip or request)`);
  }
  if (prefs.min_throughput != null) phrases.push(`at least ${prefs.min_throughput} tokens/s`);
  if (prefs.max_latency != null) phrases.push(`first token within ${prefs.max_latency} s`);
  if (prefs.preferred_min_throughput != null)
    phrases.push(`preferably at least ${prefs.preferred_min_throughput} tokens/s`);
  if (prefs.preferred_max_latency != null)
    phrases.push(`preferably first token within ${prefs.preferred_max_latency} s`);
  if (prefs.allow_fallbacks === false) phrases.push('no fallback to other providers');
  if (prefs.allow_fallbacks === true) phrases.push('fall back to other providers when one fails');
  return phrases;
}

/** The phrases as one sentence; the default routing when nothing is set. */
export function describeProviderPrefsSentence(prefs: ProviderPreferences): string {
  const phrases = describeProviderPrefs(prefs);
  if (phrases.length === 0) return 'Default routing: providers weighted by price, with fallbacks.';
  const sentence = phrases.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
