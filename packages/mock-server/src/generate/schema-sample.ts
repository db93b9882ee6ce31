import type { Rng } from './prng.ts';
import { sampleFormat, sampleFromPattern } from './string-formats.ts';
import { stringForName, type TextHints } from './text-hints.ts';

type Schema = Record<string, unknown>;

interface SampleContext {
  root: unknown;
  hints: TextHints;
  rng: Rng;
  depth: number;
}

// Deep or recursive schemas stop here with the smallest valid value.
const MAX_DEPTH = 8;
const HARD_DEPTH_LIMIT = 40;

/**
 * A value valid against a JSON Schema (drafts 7 to 2020-12, the subset tool parameters and
 * structured outputs use), filled from the conversation where a property name says what it
 * holds. `pattern` is honoured for simple patterns only (see string-formats.ts).
 */
export function sampleFromSchema(schema: unknown, hints: TextHints, rng: Rng): unknown {
  return sample(schema, { root: schema, hints, rng, depth: 0 }, '', 0);
}

function sample(input: unknown, context: SampleContext, name: string, index: number): unknown {
  // A schema that requires itself forever has no finite instance; stop rather than overflow.
  if (context.depth > HARD_DEPTH_LIMIT) return null;
  if (input === true || input === undefined) return stringForName(name, context.hints, index) ?? 'value';
  if (input === false || input === null || typeof input !== 'object') return null;
  const schema = resolve(input as Schema, context.root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, context, index);
  if (Array.isArray(schema.allOf)) return sample(mergeAll(schema, context.root), context, name, index);
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = schema;
    const preferred = branches.find((branch) => !isNullSchema(branch, context.root)) ?? branches[0];
    return sample(mergeAll({ ...rest, allOf: [preferred] }, context.root), context, name, index);
  }
  const child = { ...context, depth: context.depth + 1 };
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, child);
    case 'array':
      return sampleArray(schema, child, name);
    case 'integer':
      return sampleNumber(schema, context, true, index);
    case 'number':
      return sampleNumber(schema, context, false, index);
    case 'boolean':
      return !/\b(no|not|false|off|disable)\b/i.test(context.hints.text);
    case 'null':
      return null;
    default:
      return sampleString(schema, context, name, index);
  }
}

function resolve(schema: Schema, root: unknown): Schema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const { $ref, ...siblings } = current;
    const target = pointer(root, $ref as string);
    current = { ...(target && typeof target === 'object' ? (target as Schema) : {}), ...siblings };
  }
  return current;
}

function pointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  return ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Schema)[key] : undefined),
      root,
    );
}

function mergeAll(schema: Schema, root: unknown): Schema {
  const { allOf, ...base } = schema;
  const merged: Schema = { ...base };
  for (const part of (allOf as unknown[]) ?? []) {
    if (!part || typeof part !== 'object') continue;
    const resolved = resolve(part as Schema, root);
    const flat = Array.isArray(resolved.allOf) ? mergeAll(resolved, root) : resolved;
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'properties')
        merged.properties = { ...(merged.properties as Schema), ...(value as Schema) };
      else if (key === 'required')
        merged.required = [...((merged.required as string[]) ?? []), ...(value as string[])];
      else merged[key] ??= value;
    }
  }
  return merged;
}

function isNullSchema(branch: unknown, root: unknown): boolean {
  return !!branch && typeof branch === 'object' && resolve(branch as Schema, root).type === 'null';
}

function typeOf(schema: Schema): string {
  const type = schema.type;
  if (Array.isArray(type)) return (type.find((item) => item !== 'null') as string | undefined) ?? 'null';
  if (typeof type === 'string') return type;
  if (schema.properties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return 'string';
}

function pickEnum(values: unknown[], context: SampleContext, index: number): unknown {
  const text = context.hints.text.toLowerCase();
  const mentioned = values.filter(
    (value) => typeof value === 'string' && value !== '' && text.includes(value.toLowerCase()),
  );
  if (mentioned.length > 0) return mentioned[index % mentioned.length];
  return values[(index + context.rng.int(0, values.length - 1)) % values.length];
}

function sampleObject(schema: Schema, context: SampleContext): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const minimum = Number(schema.minProperties ?? 0);
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(properties)) {
    const include =
      required.has(key) ||
      Object.keys(result).length < minimum ||
      (context.depth < MAX_DEPTH && context.rng.chance(0.7));
    if (include) result[key] = sample(child, context, key, 0);
  }
  for (const key of required) if (!(key in result)) result[key] = sample(true, context, key, 0);
  return result;
}

function sampleArray(schema: Schema, context: SampleContext, name: string): unknown[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  const min = Number(schema.minItems ?? 0);
  const max = Number(schema.maxItems ?? Math.max(min, 3));
  const wanted =
    context.depth >= MAX_DEPTH
      ? min
      : context.rng.int(Math.min(Math.max(min, 1), max), Math.min(max, Math.max(min, 1) + 2));
  const count = Math.max(wanted, prefix.length > max ? max : Math.min(prefix.length, max));
  const items: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const itemSchema = index < prefix.length ? prefix[index] : (schema.items ?? true);
    let value = sample(itemSchema, context, singular(name), index);
    if (schema.uniqueItems === true) {
      for (
        let tries = 1;
        items.some((item) => JSON.stringify(item) === JSON.stringify(value)) && tries < 12;
        tries++
      ) {
        value = sample(
          itemSchema,
          { ...context, rng: context.rng.fork(`unique${tries}`) },
          singular(name),
          index + tries,
        );
      }
      if (items.some((item) => JSON.stringify(item) === JSON.stringify(value))) break;
    }
    items.push(value);
  }
  return items;
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

function sampleNumber(schema: Schema, context: SampleContext, integer: boolean, index: number): number {
  let low = typeof schema.minimum === 'number' ? schema.minimum : Number.NEGATIVE_INFINITY;
  let high = typeof schema.maximum === 'number' ? schema.maximum : Number.POSITIVE_INFINITY;
  const step = integer ? 1 : 0.01;
  if (typeof schema.exclusiveMinimum === 'number') low = Math.max(low, schema.exclusiveMinimum + step);
  if (typeof schema.exclusiveMaximum === 'number') high = Math.min(high, schema.exclusiveMaximum - step);
  const within = (value: number) => value >= low && value <= high;
  const multiple = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : null;
  const fit = (value: number) => {
    let result = integer ? Math.round(value) : value;
    if (multiple) result = Math.ceil(result / multiple) * multiple;
    if (multiple && !within(result)) result = Math.floor(value / multiple) * multiple;
    return Number(result.toFixed(6));
  };
  const hinted = context.hints.numbers.filter(
    (value) => within(fit(value)) && (!integer || Number.isInteger(value)),
  );
  if (hinted.length > 0) return fit(hinted[index % hinted.length] as number);
  const from = Number.isFinite(low) ? low : Number.isFinite(high) ? Math.min(0, high) - 10 : 1;
  const to = Number.isFinite(high) ? high : from + 99;
  const raw = from + context.rng.next() * (to - from);
  // Rounding for readability can step outside a tight range; then the unrounded value serves.
  const candidates = [
    fit(integer ? Math.floor(raw) : Math.round(raw * 100) / 100),
    fit(raw),
    fit(from),
    integer ? Math.ceil(low) : raw,
  ];
  return candidates.find(within) ?? raw;
}

function sampleString(schema: Schema, context: SampleContext, name: string, index: number): string {
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
  const formatted =
    typeof schema.format === 'string' ? sampleFormat(schema.format, context.rng, index) : undefined;
  if (typeof schema.pattern === 'string') {
    const patterned = sampleFromPattern(schema.pattern, context.rng);
    if (patterned !== undefined) return patterned;
  }
  let text =
    formatted ??
    stringForName(name, context.hints, index) ??
    context.hints.keywords[index] ??
    `${name || 'value'} ${index + 1}`;
  if (formatted === undefined) {
    while (text.length < min) text += ` ${text}`;
    if (text.length > max) text = text.slice(0, max);
  }
  return text;
}
