import { describe, expect, it } from 'vitest';
import { openApiToJsonSchema } from './openapi-to-json-schema.ts';
import { specValidator } from './spec-validator.ts';

describe('openApiToJsonSchema', () => {
  it('turns nullable types into type unions, enums included', () => {
    expect(openApiToJsonSchema({ type: 'string', nullable: true, enum: ['a'] })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
  });

  it('wraps a nullable node without a type in anyOf with null', () => {
    expect(openApiToJsonSchema({ nullable: true, description: 'd', oneOf: [{ $ref: '#/x' }] })).toEqual({
      description: 'd',
      anyOf: [{ type: 'null' }, { anyOf: [{ $ref: '#/x' }] }],
    });
  });

  it('reads oneOf as anyOf and drops discriminator, at any depth', () => {
    expect(
      openApiToJsonSchema({
        properties: { a: { oneOf: [{ type: 'string' }], discriminator: { propertyName: 'type' } } },
      }),
    ).toEqual({
      properties: { a: { anyOf: [{ type: 'string' }] } },
    });
  });
});

describe('the spec as the simulator reads it', () => {
  const validate = specValidator('ChatGenerationParams');
  const base = { messages: [{ role: 'user', content: 'hi' }] };

  it.each([
    [
      'a provider name from the spec’s list, which also matches "any string"',
      { provider: { order: ['OpenAI'] } },
    ],
    ['a max_price number, which the spec lists twice', { provider: { max_price: { prompt: 1 } } }],
    [
      'null where the spec says nullable',
      { temperature: null, stop: null, provider: null, stream_options: null },
    ],
    ['a nullable enum set to null', { reasoning: { effort: null, summary: null } }],
  ])('accepts %s', (_name, extra) => {
    expect(validate({ ...base, ...extra }), JSON.stringify(validate.errors)).toBe(true);
  });

  it('still refuses null where the spec does not allow it', () => {
    expect(validate({ ...base, messages: null })).toBe(false);
  });
});
