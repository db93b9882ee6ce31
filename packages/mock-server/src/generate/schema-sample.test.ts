import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileUserSchema } from '../testing/json-schema.ts';
import { createRng } from './prng.ts';
import { sampleFromSchema } from './schema-sample.ts';
import { hintsFrom } from './text-hints.ts';

type Schema = Record<string, unknown>;

/** Random JSON Schemas of the kinds tool parameters use, with consistent bounds. */
const leafArbitrary: fc.Arbitrary<Schema> = fc.oneof(
  fc.record({ type: fc.constant('boolean') }),
  fc.constantFrom('date', 'email', 'uuid').map((format) => ({ type: 'string', format })),
  fc.integer({ min: 0, max: 9 }).map((minimum) => ({ type: 'integer', minimum, maximum: minimum + 3 })),
);

const nestedArbitrary: fc.Arbitrary<Schema> = fc.letrec<{ schema: Schema }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('boolean') }),
    fc.record({ type: fc.constant('null') }),
    fc
      .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }))
      .map(([minimum, span]) => ({ type: 'integer', minimum, maximum: minimum + span })),
    fc
      .tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true }))
      .map(([minimum, span]) => ({ type: 'number', minimum, maximum: minimum + span })),
    fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 20 }))
      .map(([minLength, span]) => ({ type: 'string', minLength, maxLength: minLength + span })),
    fc
      .constantFrom('date', 'date-time', 'email', 'uri', 'uuid', 'ipv4')
      .map((format) => ({ type: 'string', format })),
    fc
      .constantFrom('^[a-z]{3}$', '^\\d{2}-\\d{2}$', '^(yes|no)$', '^[A-F0-9]{4,8}$')
      .map((pattern) => ({ type: 'string', pattern })),
    fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 })
      .map((values) => ({ enum: values })),
    fc
      .tuple(tie('schema'), fc.integer({ min: 0, max: 3 }))
      .map(([items, minItems]) => ({ type: 'array', items, minItems, maxItems: minItems + 2 })),
    fc
      .dictionary(fc.constantFrom('city', 'name', 'query', 'count', 'flag', 'items', 'note'), tie('schema'), {
        maxKeys: 4,
      })
      .chain((properties) =>
        fc
          .subarray(Object.keys(properties))
          .map((required) => ({ type: 'object', properties, required, additionalProperties: false })),
      ),
    fc.tuple(tie('schema'), tie('schema')).map(([a, b]) => ({ anyOf: [a, b] })),
  ),
})).schema;

// `#/$defs/...` resolves against the document root, so references live only at the top.
const schemaArbitrary: fc.Arbitrary<Schema> = fc.oneof(
  nestedArbitrary,
  leafArbitrary.map((inner) => ({
    $defs: { inner },
    type: 'object',
    properties: { value: { $ref: '#/$defs/inner' } },
    required: ['value'],
  })),
);

describe('sampleFromSchema', () => {
  it('produces a value valid against any schema of the supported kinds', () => {
    fc.assert(
      fc.property(schemaArbitrary, fc.integer(), fc.string(), (schema, seed, text) => {
        const value = sampleFromSchema(schema, hintsFrom(text), createRng(seed));
        const validate = compileUserSchema(schema);
        if (!validate(value)) throw new Error(JSON.stringify({ schema, value, errors: validate.errors }));
      }),
      { numRuns: 150 },
    );
    // Each run compiles a schema with ajv (milliseconds each); three Vitest projects share 2 cores in CI.
  }, 60_000);

  it('gives the same value for the same seed', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'string', format: 'uuid' } },
    };
    const hints = hintsFrom('anything');
    expect(sampleFromSchema(schema, hints, createRng(5))).toEqual(
      sampleFromSchema(schema, hints, createRng(5)),
    );
  });

  it('takes places, names and numbers from the message', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        nights: { type: 'integer', minimum: 1, maximum: 30 },
        unit: { enum: ['celsius', 'fahrenheit'] },
      },
      required: ['city', 'nights', 'unit'],
    };
    const value = sampleFromSchema(
      schema,
      hintsFrom('Book 5 nights in Buenos Aires, temperatures in fahrenheit'),
      createRng(1),
    );
    expect(value).toEqual({ city: 'Buenos Aires', nights: 5, unit: 'fahrenheit' });
  });
});
