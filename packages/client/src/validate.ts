/**
 * Checks the client can make before sending anything: a request that is certain to fail should
 * fail at once, with the parameter named, instead of costing a round trip (or a retry loop).
 */
import { ParleyInvalidRequestError } from './errors.ts';

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkPositiveInteger(params: Record<string, unknown>, name: string): void {
  const value = params[name];
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ParleyInvalidRequestError({
      message: `\`${name}\` must be a positive integer when set`,
      param: name,
    });
  }
}

/** Throws a {@link ParleyInvalidRequestError} for chat parameters that cannot be valid. */
export function validateChatParams(params: unknown): void {
  if (!isRecord(params)) {
    throw new ParleyInvalidRequestError({ message: 'The request parameters must be an object' });
  }
  const messages = params.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    throw new ParleyInvalidRequestError({
      message: '`messages` must be a non-empty array',
      param: 'messages',
    });
  }
  messages.forEach((message: unknown, i) => {
    if (!isRecord(message)) {
      throw new ParleyInvalidRequestError({
        message: `messages[${i}] must be an object`,
        param: `messages[${i}]`,
      });
    }
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
      throw new ParleyInvalidRequestError({
        message: `messages[${i}] needs a role: system, developer, user, assistant or tool`,
        param: `messages[${i}].role`,
      });
    }
    if (
      message.role === 'tool' &&
      (typeof message.tool_call_id !== 'string' || message.tool_call_id === '')
    ) {
      throw new ParleyInvalidRequestError({
        message: `messages[${i}] is a tool result without a tool_call_id`,
        param: `messages[${i}].tool_call_id`,
      });
    }
  });
  checkPositiveInteger(params, 'max_tokens');
  checkPositiveInteger(params, 'max_completion_tokens');
}

/** Checks a model id of the form `author/slug` and returns its two parts. */
export function splitModelId(id: unknown): [string, string] {
  const parts = typeof id === 'string' ? id.split('/') : [];
  const [author, slug] = parts;
  if (parts.length !== 2 || !author || !slug) {
    throw new ParleyInvalidRequestError({
      message: 'A model id has the form `author/slug`',
      param: 'model',
    });
  }
  return [author, slug];
}
