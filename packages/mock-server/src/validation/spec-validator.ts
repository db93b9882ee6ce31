import spec from '@parley/client/spec/chat-completions.openapi.json' with { type: 'json' };
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { openApiToJsonSchema } from './openapi-to-json-schema.ts';

/** A schema name under the spec's `components.schemas`. */
export type SpecSchemaName = keyof typeof spec.components.schemas;

const SPEC_ID = 'parley-spec';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (ajv) return ajv;
  // strict: false because the spec carries OpenAPI-only keywords (`example`, `format: double`
  // as documentation) that Ajv's strict mode would refuse to compile.
  ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
  ajv.addSchema({ components: openApiToJsonSchema(spec.components) }, SPEC_ID);
  return ajv;
}

/**
 * A validator for one of the spec's own schemas (request and response bodies alike), compiled
 * once. The simulator validates requests with it; its tests validate responses with it.
 */
export function specValidator(name: SpecSchemaName): ValidateFunction {
  return subschemaValidator(name);
}

/** A validator for a named schema or a JSON pointer below one (`ChatMessageContentItem/anyOf/1`). */
export function subschemaValidator(path: string): ValidateFunction {
  const existing = compiled.get(path);
  if (existing) return existing;
  const validate = getAjv().getSchema(`${SPEC_ID}#/components/schemas/${path}`);
  if (!validate) throw new Error(`The spec has no schema at ${path}`);
  compiled.set(path, validate);
  return validate;
}

/** The spec's schemas after {@link openApiToJsonSchema}, for tests that build on them. */
export function specJsonSchemas(): Record<string, unknown> {
  return (openApiToJsonSchema(spec.components) as { schemas: Record<string, unknown> }).schemas;
}

export interface SchemaViolation {
  /** The offending parameter as a path: `messages[0].content`, `provider.sort`. */
  param: string;
  message: string;
}

/**
 * Picks the error a person should see. Failed `anyOf` branches report that `role` or `type` is
 * not the branch's constant; those say nothing about the actual mistake unless they are all there
 * is, so the deepest other error wins.
 */
export function describeViolation(errors: ErrorObject[], prefix = ''): SchemaViolation {
  if (prefix !== '')
    errors = errors.map((error) => ({ ...error, instancePath: `${prefix}${error.instancePath}` }));
  const isBranchMismatch = (error: ErrorObject) =>
    (error.keyword === 'enum' || error.keyword === 'const') && /\/(role|type)$/.test(error.instancePath);
  const meaningful = errors.filter((error) => !isBranchMismatch(error) && error.keyword !== 'anyOf');
  const candidates = meaningful.length > 0 ? meaningful : errors;
  let best = candidates[0];
  for (const error of candidates) {
    if (best && depth(error) > depth(best)) best = error;
  }
  if (!best) return { param: '', message: 'The request does not match the API schema.' };
  const param = toParam(best);
  if (best.keyword === 'type') {
    // An anyOf of types fails once per branch at the same place: say "string or array" once.
    const types = candidates
      .filter((error) => error.keyword === 'type' && error.instancePath === best?.instancePath)
      .map((error) => String(error.params.type));
    return {
      param,
      message: `Invalid request: ${param || 'body'} must be ${[...new Set(types)].join(' or ')}.`,
    };
  }
  const allowed =
    best.keyword === 'enum'
      ? ` (${(best.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')})`
      : '';
  return { param, message: `Invalid request: ${param || 'body'} ${best.message ?? 'is invalid'}${allowed}.` };
}

function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length + (error.keyword === 'required' ? 1 : 0);
}

function toParam(error: ErrorObject): string {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  return segments.reduce(
    (path, segment) =>
      /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    '',
  );
}
