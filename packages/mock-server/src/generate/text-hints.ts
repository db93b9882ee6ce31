import { keywords } from './echo.ts';

/**
 * What a user message offers to fill arguments and structured output with: places, numbers,
 * names. Heuristics, not language understanding; they make the simulated output follow the
 * conversation so that a demo reads naturally.
 */
export interface TextHints {
  text: string;
  places: string[];
  numbers: number[];
  names: string[];
  keywords: string[];
}

const PLACE_AFTER = /\b(?:in|at|for|to|from|near|of)\s+((?:[A-Z][\p{L}'-]+)(?:\s+[A-Z][\p{L}'-]+)*)/gu;
const CAPITALISED = /(?<![.!?]\s|^)\b[A-Z][\p{L}'-]+(?:\s+[A-Z][\p{L}'-]+)*/gu;

export function hintsFrom(text: string): TextHints {
  const places = new Set<string>();
  for (const match of text.matchAll(PLACE_AFTER)) if (match[1]) places.add(match[1]);
  // "Paris and London": the second of a pair joined by "and" / "," is a place too.
  for (const match of text.matchAll(/\b([A-Z][\p{L}'-]+)(?:\s*,\s*|\s+and\s+)([A-Z][\p{L}'-]+)/gu)) {
    if (match[1] && places.has(match[1]) && match[2]) places.add(match[2]);
  }
  const names = [...text.matchAll(CAPITALISED)].map((match) => match[0]).filter((name) => !places.has(name));
  const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
  return { text: text.trim(), places: [...places], numbers, names, keywords: keywords(text, 6) };
}

/** A string for a property, chosen by what its name suggests. */
export function stringForName(name: string, hints: TextHints, index: number): string | undefined {
  const key = name.toLowerCase();
  const nth = <T>(items: T[]) => items[index % Math.max(items.length, 1)];
  if (/(timezone|time_zone|tz)$/.test(key)) return nth(hints.places) ?? 'UTC';
  if (/(city|location|place|destination|country|region|town|address|origin)/.test(key)) {
    return nth(hints.places) ?? nth(hints.names) ?? 'Paris';
  }
  if (/(query|search|question|prompt|input|text|message|content|request|instruction)/.test(key)) {
    return hints.text || 'hello';
  }
  if (/(summary|description|note|comment|reason|explanation|answer)/.test(key)) {
    return hints.keywords.length > 0
      ? `About ${hints.keywords.slice(0, 3).join(', ')}.`
      : `About: ${hints.text.slice(0, 60)}`;
  }
  if (/(name|title|subject|topic|label|person|author|user)/.test(key)) {
    return nth(hints.names) ?? nth(hints.keywords) ?? 'Ada Lovelace';
  }
  if (/(unit|units)/.test(key)) return /fahrenheit|°f/i.test(hints.text) ? 'fahrenheit' : 'celsius';
  if (/(lang|language|locale)/.test(key)) return 'en';
  if (/(tag|keyword|category)/.test(key)) return nth(hints.keywords) ?? 'general';
  if (key.endsWith('id')) return `id_${index + 1}`;
  return undefined;
}
