import { type JsonSchema, type JsonSchemaIssue, validateJsonSchema } from '@parley/client/chat';
import { parsePartialToolArguments } from '../tool-call/parse-arguments.ts';

/** A structured reply as far as it can be read, and, once complete, how it breaks its schema. */
export interface StructuredReading {
  /** The value so far (partial strings, objects and arrays closed where they stop); absent before any JSON. */
  value: unknown;
  hasValue: boolean;
  /** Only once complete: the JSON does not parse, or breaks the schema; each issue names its path (`$.days`). */
  issues: JsonSchemaIssue[];
}

/**
 * Reads a `json_object` or `json_schema` reply. While it streams, leniently (partial JSON); once
 * complete, strictly, then against `schema` when one was requested.
 */
export function readStructured(
  text: string,
  schema: JsonSchema | undefined,
  complete: boolean,
): StructuredReading {
  const parsed = parsePartialToolArguments(text);
  const hasValue = parsed.kind === 'json';
  const value = hasValue ? parsed.value : undefined;
  if (!complete) return { value, hasValue, issues: [] };
  let strict: unknown;
  try {
    strict = JSON.parse(text);
  } catch {
    return { value, hasValue, issues: [{ path: '$', message: 'is not valid JSON' }] };
  }
  return { value: strict, hasValue: true, issues: schema ? validateJsonSchema(schema, strict) : [] };
}

/** The path of a child, in the validator's notation: `$.key` for properties, `$[0]` for items. */
export function childPath(parent: string, key: string | number): string {
  return typeof key === 'number' ? `${parent}[${key}]` : `${parent}.${key}`;
}

/** The path and its ancestors, `$` first: what must be open for the path's node to show. */
export function ancestorsOf(path: string): string[] {
  const result: string[] = [];
  const pattern = /\.[^.[]+|\[\d+\]/g;
  let end = 1;
  result.push('$');
  for (let match = pattern.exec(path); match; match = pattern.exec(path)) {
    end = match.index + match[0].length;
    result.push(path.slice(0, end));
  }
  return result;
}
