import { describe, expect, it } from 'vitest';
import { joinStream, postChat, readStream, user, useSimulator } from '../testing/harness.ts';
import { compileUserSchema } from '../testing/json-schema.ts';
import { TRIP_SCHEMA } from '../testing/requests.ts';

const simulator = useSimulator();

const CONTACT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    name: { type: 'string' },
    email: { type: 'string', format: 'email' },
    website: { type: 'string', format: 'uri' },
    tags: { type: 'array', items: { enum: ['friend', 'work', 'family'] }, uniqueItems: true, maxItems: 3 },
    address: {
      type: 'object',
      properties: { city: { type: 'string' }, postcode: { type: 'string', pattern: '^\\d{5}$' } },
      required: ['city', 'postcode'],
      additionalProperties: false,
    },
    score: { type: ['number', 'null'], minimum: 0, maximum: 1 },
  },
  required: ['name', 'email', 'website', 'tags', 'address', 'score'],
  additionalProperties: false,
};

const structured = (schema: unknown, text: string, stream = false) => ({
  model: 'parley/structured',
  stream,
  messages: [user(text)],
  response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema } },
});

describe('parley/structured', () => {
  it.each([
    ['a trip', TRIP_SCHEMA, 'Plan 4 days in Kyoto'],
    ['a contact', CONTACT_SCHEMA, 'Save Grace Hopper who lives in Arlington'],
  ])('answers %s with JSON valid against the schema', async (_name, schema, text) => {
    const response = await postChat(simulator().baseURL, structured(schema, text));
    const content = (await response.json()).choices[0].message.content;
    const validate = compileUserSchema(schema);
    expect(validate(JSON.parse(content)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('streams JSON that validates once joined, and fills it from the message', async () => {
    const { chunks } = await readStream(
      await postChat(simulator().baseURL, structured(TRIP_SCHEMA, 'Plan 4 days in Kyoto', true)),
    );
    const value = JSON.parse(joinStream(chunks).content);
    expect(compileUserSchema(TRIP_SCHEMA)(value)).toBe(true);
    expect(value).toMatchObject({ city: 'Kyoto', days: 4 });
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBeGreaterThan(5);
  });

  it('answers json_object with a JSON account of the message', async () => {
    const response = await postChat(simulator().baseURL, {
      model: 'parley/structured',
      messages: [user('Is this JSON?')],
      response_format: { type: 'json_object' },
    });
    const value = JSON.parse((await response.json()).choices[0].message.content);
    expect(value).toMatchObject({ message: 'Is this JSON?', question: true, turn: 1 });
  });

  it('refuses a schema that does not compile', async () => {
    const response = await postChat(
      simulator().baseURL,
      structured({ type: 'object', properties: { a: { type: 'strng' } } }, 'x'),
    );
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.param).toBe('response_format.json_schema.schema');
  });

  it('says how to ask for JSON when no response_format is given', async () => {
    const response = await postChat(simulator().baseURL, {
      model: 'parley/structured',
      messages: [user('hello')],
    });
    expect((await response.json()).choices[0].message.content).toContain('response_format');
  });
});
