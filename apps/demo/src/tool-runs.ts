/**
 * What the demo's browser tools do (tools.ts declares them): loaded when the model first calls one,
 * so the first page carries only the declarations.
 */
import type { Temperature, Unit } from './tools.ts';

/** Cities the clock tool knows, by lower-case name. An unknown city makes the tool fail, on purpose. */
const CITY_ZONES: Record<string, string> = {
  amsterdam: 'Europe/Amsterdam',
  berlin: 'Europe/Berlin',
  lisbon: 'Europe/Lisbon',
  london: 'Europe/London',
  'los angeles': 'America/Los_Angeles',
  'new york': 'America/New_York',
  paris: 'Europe/Paris',
  porto: 'Europe/Lisbon',
  rome: 'Europe/Rome',
  'são paulo': 'America/Sao_Paulo',
  sydney: 'Australia/Sydney',
  tokyo: 'Asia/Tokyo',
};

/** Factors to a base unit per dimension; temperatures are converted apart (they have offsets). */
const UNITS: Record<Exclude<Unit, Temperature>, { dimension: string; factor: number }> = {
  m: { dimension: 'length', factor: 1 },
  km: { dimension: 'length', factor: 1000 },
  mi: { dimension: 'length', factor: 1609.344 },
  ft: { dimension: 'length', factor: 0.3048 },
  kg: { dimension: 'mass', factor: 1 },
  lb: { dimension: 'mass', factor: 0.45359237 },
  l: { dimension: 'volume', factor: 1 },
  gal: { dimension: 'volume', factor: 3.785411784 },
};
const TEMPERATURES: readonly string[] = ['c', 'f'] satisfies Temperature[];

export function currentTime(args: unknown): string {
  const city = String((args as { city?: unknown }).city ?? '').trim();
  const timeZone = CITY_ZONES[city.toLowerCase()];
  if (!timeZone) throw new Error(`I do not know the time zone of “${city}”.`);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format();
  return JSON.stringify({ city, timeZone, time });
}

/** Arithmetic by recursive descent (+ - * / ^ and parentheses): never `eval` on model output. */
export function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|[-+*/^()]/g) ?? [];
  if (tokens.join('') !== expression.replace(/\s+/g, '')) throw new Error(`Not arithmetic: ${expression}`);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];
  const primary = (): number => {
    const token = take();
    if (token === '(') {
      const value = sum();
      if (take() !== ')') throw new Error('Unbalanced parentheses.');
      return value;
    }
    if (token === '-') return -primary();
    if (token === undefined || Number.isNaN(Number(token)))
      throw new Error(`Unexpected “${token ?? 'end'}”.`);
    return Number(token);
  };
  const power = (): number => {
    const base = primary();
    if (peek() !== '^') return base;
    take();
    return base ** power();
  };
  const product = (): number => {
    let value = power();
    while (peek() === '*' || peek() === '/') value = take() === '*' ? value * power() : value / power();
    return value;
  };
  const sum = (): number => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = take() === '+' ? value + product() : value - product();
    return value;
  };
  const result = sum();
  if (at !== tokens.length) throw new Error(`Unexpected “${peek()}”.`);
  return result;
}

export function convert(args: unknown): string {
  const { value, from, to } = args as { value: number; from: string; to: string };
  if (TEMPERATURES.includes(from) && TEMPERATURES.includes(to)) {
    const result = from === to ? value : from === 'c' ? (value * 9) / 5 + 32 : ((value - 32) * 5) / 9;
    return JSON.stringify({ value: result, unit: to });
  }
  const source = UNITS[from as keyof typeof UNITS];
  const target = UNITS[to as keyof typeof UNITS];
  if (!source || !target || source.dimension !== target.dimension) {
    throw new Error(`Cannot convert ${from} to ${to}.`);
  }
  return JSON.stringify({ value: (value * source.factor) / target.factor, unit: to });
}
