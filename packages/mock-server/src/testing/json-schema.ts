import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A validator for a user's JSON Schema, formats included, as a strict client would check it. */
export function compileUserSchema(schema: unknown): ValidateFunction {
  const declared = String((schema as { $schema?: unknown }).$schema ?? '');
  const ajv = /2020-12/.test(declared)
    ? new Ajv2020({ strict: false, allErrors: true })
    : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema as object);
}
