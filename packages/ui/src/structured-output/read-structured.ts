import { type JsonSchema, type JsonSchemaIssue, validateJsonSchema } from '@parley/client/chat';
import { createStreamingJson, type StreamingJson } from './streaming-json.ts';

/** A structured reply as far as it can be read, and, once complete, how it breaks its schema. */
export interface StructuredReading {
  /** The value so far (strings, objects and arrays as far as they arrived); absent before any JSON. */
  value: unknown;
  hasValue: boolean;
  /** Only once complete: the JSON does not parse, or breaks the schema; each issue names its path (`$.days`). */
  issues: JsonSchemaIssue[];
  /** Changes whenever a container still being read grew in place (while streaming); 0 once complete. */
  revision: number;
  /** Whether an object or array is still being read, and so may have grown without changing identity. */
  isGrowing: (value: unknown) => boolean;
}

const NOTHING_GROWS = () => false;

/**
 * Reads a `json_object` or `json_schema` reply. While it streams, through `reader`, which parses
 * only what arrived since its last read; once complete, strictly (`JSON.parse`, once), then
 * against `schema` when one was requested.
 */
export function readStructured(
  reader: StreamingJson,
  text: string,
  schema: JsonSchema | undefined,
  complete: boolean,
): StructuredReading {
  if (!complete) {
    reader.read(text);
    const { value, hasValue, revision } = reader;
    return { value, hasValue, issues: [], revision, isGrowing: reader.isOpen };
  }
  let strict: unknown;
  try {
    strict = JSON.parse(text);
  } catch {
    // Show what could be read, with the verdict.
    const lenient = createStreamingJson();
    lenient.read(text);
    return {
      value: lenient.value,
      hasValue: lenient.hasValue,
      issues: [{ path: '$', message: 'is not valid JSON' }],
      revision: 0,
      isGrowing: NOTHING_GROWS,
    };
  }
  return {
    value: strict,
    hasValue: true,
    issues: schema ? validateJsonSchema(schema, strict) : [],
    revision: 0,
    isGrowing: NOTHING_GROWS,
  };
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
