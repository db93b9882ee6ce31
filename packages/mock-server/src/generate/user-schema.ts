import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * Compiles a schema a user sent (structured output), with the engine its `$schema` names:
 * 2019-09 and 2020-12 get Ajv2020 (`prefixItems`, `$defs`, `unevaluatedProperties`), anything
 * else draft-07. Formats are not checked here: the sampler writes them, the tests verify them.
 */
export function compileUserSchema(schema: Record<string, unknown>): ValidateFunction {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { strict: false, allErrors: false, validateFormats: false } as const;
  return /(2019-09|2020-12)/.test(declared)
    ? new Ajv2020(options).compile(schema)
    : new Ajv(options).compile(schema);
}
