import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { canonicalJson } from './prng.ts';

const MAX_CACHED = 200;
const COMPILED = new Map<string, ValidateFunction>();

/**
 * Compiles a schema a user sent (structured output), with the engine its `$schema` names:
 * 2019-09 and 2020-12 get Ajv2020 (`prefixItems`, `$defs`, `unevaluatedProperties`), anything
 * else draft-07. Formats are not checked here: the sampler writes them, the tests verify them.
 */
export function compileUserSchema(schema: Record<string, unknown>): ValidateFunction {
  // Compiling costs milliseconds and clients send the same schema on every turn.
  const key = canonicalJson(schema);
  const cached = COMPILED.get(key);
  if (cached) return cached;
  const validate = compile(schema);
  COMPILED.set(key, validate);
  if (COMPILED.size > MAX_CACHED) COMPILED.delete(COMPILED.keys().next().value as string);
  return validate;
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { strict: false, allErrors: false, validateFormats: false } as const;
  return /(2019-09|2020-12)/.test(declared)
    ? new Ajv2020(options).compile(schema)
    : new Ajv(options).compile(schema);
}
