import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** A validator for a user's JSON Schema, formats included, as a strict client would check it. */
export function compileUserSchema(schema: unknown): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema as object);
}
