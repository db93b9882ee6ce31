/**
 * A small JSON Schema validator for tool arguments. The chat core ships to browsers, and a full
 * validator (ajv compiles schemas to code, about 120 kB) is heavy for checking the few flat
 * objects tools take, so this covers the keywords tool schemas use: `type` (one or several),
 * `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`, string, number and
 * array bounds, `pattern`, `anyOf`, `oneOf`, `allOf` and `not`. Keywords it does not know (`$ref`,
 * `format`, `if`...) are ignored, so an unusual schema errs on the side of letting arguments
 * through to the tool, never of rejecting valid ones.
 */

/** A JSON Schema object, as tools declare their parameters. */
export type JsonSchema = { [keyword: string]: unknown };

/** One way the value breaks the schema: where (`$.city`) and what. */
export interface JsonSchemaIssue {
  path: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'object':
      return isObject(value);
    default:
      return typeOf(value) === type;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function checkBounds(schema: JsonSchema, value: unknown, path: string, issues: JsonSchemaIssue[]) {
  const fail = (message: string) => issues.push({ path, message });
  if (typeof value === 'number') {
    const min = num(schema.minimum);
    const max = num(schema.maximum);
    const exclusiveMin = num(schema.exclusiveMinimum);
    const exclusiveMax = num(schema.exclusiveMaximum);
    if (min !== undefined && value < min) fail(`must be >= ${min}`);
    if (max !== undefined && value > max) fail(`must be <= ${max}`);
    if (exclusiveMin !== undefined && value <= exclusiveMin) fail(`must be > ${exclusiveMin}`);
    if (exclusiveMax !== undefined && value >= exclusiveMax) fail(`must be < ${exclusiveMax}`);
  } else if (typeof value === 'string') {
    const minLength = num(schema.minLength);
    const maxLength = num(schema.maxLength);
    if (minLength !== undefined && value.length < minLength)
      fail(`must have at least ${minLength} characters`);
    if (maxLength !== undefined && value.length > maxLength)
      fail(`must have at most ${maxLength} characters`);
    if (typeof schema.pattern === 'string') {
      try {
        if (!new RegExp(schema.pattern, 'u').test(value)) fail(`must match the pattern ${schema.pattern}`);
      } catch {
        // An invalid pattern in the app's own schema is not the model's fault.
      }
    }
  } else if (Array.isArray(value)) {
    const minItems = num(schema.minItems);
    const maxItems = num(schema.maxItems);
    if (minItems !== undefined && value.length < minItems) fail(`must have at least ${minItems} items`);
    if (maxItems !== undefined && value.length > maxItems) fail(`must have at most ${maxItems} items`);
  }
}

function checkObject(
  schema: JsonSchema,
  value: Record<string, unknown>,
  path: string,
  issues: JsonSchemaIssue[],
) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const key of schema.required) {
      if (typeof key === 'string' && !(key in value)) issues.push({ path, message: `is missing "${key}"` });
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const itemPath = `${path}.${key}`;
    const propertySchema = properties[key];
    if (isObject(propertySchema)) check(propertySchema, item, itemPath, issues);
    else if (schema.additionalProperties === false)
      issues.push({ path: itemPath, message: 'is not allowed' });
    else if (isObject(schema.additionalProperties))
      check(schema.additionalProperties, item, itemPath, issues);
  }
}

function check(schema: JsonSchema, value: unknown, path: string, issues: JsonSchemaIssue[]): void {
  const types =
    typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  if (types.length > 0 && !types.some((type) => typeof type === 'string' && matchesType(value, type))) {
    issues.push({ path, message: `must be ${types.join(' or ')}, got ${typeOf(value)}` });
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
    issues.push({ path, message: `must be one of ${JSON.stringify(schema.enum)}` });
  }
  if ('const' in schema && !deepEqual(schema.const, value)) {
    issues.push({ path, message: `must be ${JSON.stringify(schema.const)}` });
  }
  checkBounds(schema, value, path, issues);
  if (isObject(value)) checkObject(schema, value, path, issues);
  if (Array.isArray(value) && isObject(schema.items)) {
    const items = schema.items;
    value.forEach((item, index) => {
      check(items, item, `${path}[${index}]`, issues);
    });
  }
  const subschemas = (keyword: string) =>
    Array.isArray(schema[keyword]) ? schema[keyword].filter(isObject) : [];
  for (const sub of subschemas('allOf')) check(sub, value, path, issues);
  const anyOf = subschemas('anyOf');
  if (anyOf.length > 0 && !anyOf.some((sub) => validateJsonSchema(sub, value, path).length === 0)) {
    issues.push({ path, message: 'matches none of the allowed shapes (anyOf)' });
  }
  const oneOf = subschemas('oneOf');
  if (
    oneOf.length > 0 &&
    oneOf.filter((sub) => validateJsonSchema(sub, value, path).length === 0).length !== 1
  ) {
    issues.push({ path, message: 'must match exactly one allowed shape (oneOf)' });
  }
  if (isObject(schema.not) && validateJsonSchema(schema.not, value, path).length === 0) {
    issues.push({ path, message: 'matches a shape that is not allowed (not)' });
  }
}

/** Checks `value` against `schema`; an empty list means it is valid. */
export function validateJsonSchema(schema: JsonSchema, value: unknown, path = '$'): JsonSchemaIssue[] {
  const issues: JsonSchemaIssue[] = [];
  check(schema, value, path, issues);
  return issues;
}
