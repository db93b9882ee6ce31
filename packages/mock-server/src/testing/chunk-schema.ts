/**
 * The JSON Schema of one `chat.completion.chunk`, written from the documented shape (OpenAI's
 * chunk object and OpenRouter's streaming docs), since the spec describes only the JSON response.
 * Reasoning details, logprobs, usage and error reuse the spec's own schemas.
 */
import { Ajv } from 'ajv';
import { specJsonSchemas } from '../validation/spec-validator.ts';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

/** OpenRouter's `url_citation` annotation, written from its web search docs (the spec has none). */
export const URL_CITATION_SCHEMA = {
  type: 'object',
  required: ['type', 'url_citation'],
  additionalProperties: false,
  properties: {
    type: { const: 'url_citation' },
    url_citation: {
      type: 'object',
      required: ['url', 'start_index', 'end_index'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        title: { type: 'string' },
        content: { type: 'string' },
        start_index: { type: 'integer', minimum: 0 },
        end_index: { type: 'integer', minimum: 0 },
      },
    },
  },
};

const CHUNK_SCHEMA = {
  type: 'object',
  required: ['id', 'object', 'created', 'model', 'choices'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    object: { const: 'chat.completion.chunk' },
    created: { type: 'integer' },
    model: { type: 'string', minLength: 1 },
    provider: { type: 'string' },
    system_fingerprint: { type: ['string', 'null'] },
    usage: { anyOf: [{ type: 'null' }, ref('ChatGenerationTokenUsage')] },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: ['string', 'number'] },
        message: { type: 'string' },
        metadata: { type: 'object' },
      },
    },
    choices: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'delta', 'finish_reason'],
        additionalProperties: false,
        properties: {
          index: { type: 'integer', minimum: 0 },
          finish_reason: { anyOf: [{ type: 'null' }, ref('ChatCompletionFinishReason')] },
          native_finish_reason: { type: ['string', 'null'] },
          logprobs: { anyOf: [{ type: 'null' }, ref('ChatMessageTokenLogprobs')] },
          delta: {
            type: 'object',
            additionalProperties: false,
            properties: {
              role: { enum: ['assistant', null] },
              content: { type: ['string', 'null'] },
              reasoning: { type: ['string', 'null'] },
              refusal: { type: ['string', 'null'] },
              annotations: { type: 'array', items: URL_CITATION_SCHEMA },
              reasoning_details: { type: 'array', items: ref('__schema3') },
              tool_calls: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['index'],
                  additionalProperties: false,
                  properties: {
                    index: { type: 'integer', minimum: 0 },
                    id: { type: 'string', minLength: 1 },
                    type: { const: 'function' },
                    function: {
                      type: 'object',
                      additionalProperties: false,
                      properties: { name: { type: 'string', minLength: 1 }, arguments: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  // The spec's schemas, with their `#/components/schemas/` references pointed here.
  definitions: JSON.parse(
    JSON.stringify(specJsonSchemas()).replaceAll('#/components/schemas/', '#/definitions/'),
  ),
};

export const validateChunk = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(
  CHUNK_SCHEMA,
);
