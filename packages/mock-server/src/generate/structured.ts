import type { ValidateFunction } from 'ajv';
import { invalidRequest } from '../http/errors.ts';
import { countRole, lastUserText, wordsOf } from './conversation.ts';
import { describeConversation, keywords } from './echo.ts';
import { sampleFromSchema } from './schema-sample.ts';
import { hintsFrom } from './text-hints.ts';
import { type GenerationContext, type Turn, textTurn } from './turn.ts';
import { compileUserSchema } from './user-schema.ts';

// A sample that misses a rare keyword (a tricky pattern) gets this many more tries with fresh randomness.
const SAMPLE_TRIES = 8;

/**
 * `parley/structured`: with `response_format` `json_schema` it answers with JSON valid against
 * the schema, filled from the conversation; with `json_object`, a JSON account of the message;
 * otherwise it says how to ask it.
 */
export function generateStructured(context: GenerationContext): Turn {
  const { params, rng } = context;
  const format = params.response_format;
  const user = lastUserText(params.messages);
  if (format?.type === 'json_object') {
    return textTurn(
      JSON.stringify(
        {
          message: user,
          words: wordsOf(user).length,
          keywords: keywords(user),
          question: user.includes('?'),
          turn: countRole(params.messages, 'user'),
        },
        null,
        2,
      ),
    );
  }
  if (format?.type !== 'json_schema') {
    return textTurn(
      `Ask me with response_format {"type": "json_schema"} or {"type": "json_object"} and I answer in JSON. ${describeConversation(params.messages, rng)}`,
    );
  }
  const schema = format.json_schema.schema ?? { type: 'object' };
  const validate = compile(schema);
  const hints = hintsFrom(user);
  let value: unknown;
  for (let attempt = 0; attempt < SAMPLE_TRIES; attempt++) {
    value = sampleFromSchema(schema, hints, rng.fork(`sample:${attempt}`));
    if (validate(value)) break;
  }
  return textTurn(JSON.stringify(value, null, 2));
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  try {
    return compileUserSchema(schema);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw invalidRequest(
      `Invalid response_format.json_schema.schema: ${detail}`,
      'response_format.json_schema.schema',
    );
  }
}
