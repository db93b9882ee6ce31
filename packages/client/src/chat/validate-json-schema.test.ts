import { describe, expect, it } from 'vitest';
import { validateJsonSchema } from './validate-json-schema.ts';

const weather = {
  type: 'object',
  properties: {
    city: { type: 'string', minLength: 1 },
    unit: { enum: ['c', 'f'] },
    days: { type: 'integer', minimum: 1, maximum: 7 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
  },
  required: ['city'],
  additionalProperties: false,
};

describe('validateJsonSchema', () => {
  it.each([
    { value: { city: 'Oslo' }, issues: [] },
    { value: { city: 'Oslo', unit: 'c', days: 3, tags: ['a'] }, issues: [] },
    { value: {}, issues: [{ path: '$', message: 'is missing "city"' }] },
    { value: { city: 3 }, issues: [{ path: '$.city', message: 'must be string, got number' }] },
    { value: { city: 'Oslo', unit: 'k' }, issues: [{ path: '$.unit', message: 'must be one of ["c","f"]' }] },
    {
      value: { city: 'Oslo', days: 2.5 },
      issues: [{ path: '$.days', message: 'must be integer, got number' }],
    },
    { value: { city: 'Oslo', days: 9 }, issues: [{ path: '$.days', message: 'must be <= 7' }] },
    {
      value: { city: 'Oslo', tags: ['a', 1] },
      issues: [{ path: '$.tags[1]', message: 'must be string, got number' }],
    },
    { value: { city: 'Oslo', extra: true }, issues: [{ path: '$.extra', message: 'is not allowed' }] },
    { value: [], issues: [{ path: '$', message: 'must be object, got array' }] },
  ])('reports $issues.length issue(s) for $value', ({ value, issues }) => {
    expect(validateJsonSchema(weather, value)).toEqual(issues);
  });

  it('checks anyOf, oneOf, const and nullable types', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    expect(validateJsonSchema(schema, null)).toEqual([]);
    expect(validateJsonSchema(schema, 1)).toHaveLength(1);
    expect(validateJsonSchema({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(validateJsonSchema({ const: 'x' }, 'y')).toEqual([{ path: '$', message: 'must be "x"' }]);
    expect(validateJsonSchema({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toHaveLength(1);
  });

  it('lets through what it does not understand rather than rejecting valid arguments', () => {
    expect(validateJsonSchema({ $ref: '#/definitions/x', format: 'email' }, 'anything')).toEqual([]);
    expect(validateJsonSchema({ type: 'string', pattern: '(' }, 'x')).toEqual([]);
  });
});
