import type { ChatRequest } from '../generate/turn.ts';
import { invalidRequest } from '../http/errors.ts';
import { MAX_TOP_LOGPROBS } from '../respond/logprobs.ts';
import { checkDiscriminatedUnions } from '../validation/discriminated.ts';
import { describeViolation, specValidator } from '../validation/spec-validator.ts';

// OpenAI's rule for function names, which OpenRouter's upstreams enforce.
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Checks a parsed body against the spec's `ChatGenerationParams`, then the rules the schema cannot
 * say (tool results answering calls, tool_choice naming an offered tool, ranges) with the errors
 * OpenAI-compatible servers give.
 */
export function validateChatRequest(body: unknown): ChatRequest {
  const validate = specValidator('ChatGenerationParams');
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  checkDiscriminatedUnions(body as Record<string, unknown>);
  if (!validate(body)) throw toError(describeViolation(validate.errors ?? []));
  const params = body as ChatRequest;
  if (params.messages.length === 0)
    throw invalidRequest('messages must contain at least one message.', 'messages');
  checkRanges(params);
  checkTools(params);
  checkToolResults(params);
  return params;
}

function toError(violation: ReturnType<typeof describeViolation>) {
  return invalidRequest(violation.message, violation.param);
}

function checkRanges(params: ChatRequest): void {
  const range = (
    name: 'temperature' | 'top_p' | 'frequency_penalty' | 'presence_penalty',
    min: number,
    max: number,
  ) => {
    const value = params[name];
    if (value != null && (value < min || value > max)) {
      throw invalidRequest(`${name} must be between ${min} and ${max}, got ${value}.`, name);
    }
  };
  range('temperature', 0, 2);
  range('top_p', 0, 1);
  range('frequency_penalty', -2, 2);
  range('presence_penalty', -2, 2);
  for (const name of ['max_tokens', 'max_completion_tokens'] as const) {
    const value = params[name];
    if (value != null && (!Number.isInteger(value) || value < 1)) {
      throw invalidRequest(`${name} must be a whole number of at least 1, got ${value}.`, name);
    }
  }
  const top = params.top_logprobs;
  if (top != null) {
    if (!Number.isInteger(top) || top < 0 || top > MAX_TOP_LOGPROBS) {
      throw invalidRequest(
        `top_logprobs must be a whole number from 0 to ${MAX_TOP_LOGPROBS}, got ${top}.`,
        'top_logprobs',
      );
    }
    if (params.logprobs !== true)
      throw invalidRequest('top_logprobs requires logprobs to be true.', 'top_logprobs');
  }
}

function checkTools(params: ChatRequest): void {
  const names = new Set<string>();
  params.tools?.forEach((tool, index) => {
    const name = tool.function.name;
    if (!TOOL_NAME.test(name)) {
      throw invalidRequest(
        `Invalid tools[${index}].function.name "${name.slice(0, 80)}": use 1 to 64 letters, digits, underscores or dashes.`,
        `tools[${index}].function.name`,
      );
    }
    if (names.has(name))
      throw invalidRequest(`Duplicate tool name "${name}".`, `tools[${index}].function.name`);
    names.add(name);
  });
  const choice = params.tool_choice;
  if (choice === undefined || choice === 'none' || choice === 'auto') return;
  if (names.size === 0) {
    throw invalidRequest(
      "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
      'tool_choice',
    );
  }
  if (typeof choice === 'object' && !names.has(choice.function.name)) {
    throw invalidRequest(
      `Invalid value for 'tool_choice': no tool named "${choice.function.name.slice(0, 80)}" was offered in tools.`,
      'tool_choice.function.name',
    );
  }
}

/** Every tool result must answer a call made before it, and every call must be answered before the conversation goes on. */
function checkToolResults(params: ChatRequest): void {
  const messages = params.messages;
  messages.forEach((message, index) => {
    if (message.role === 'tool') {
      const answered = messages
        .slice(0, index)
        .some(
          (earlier) =>
            earlier.role === 'assistant' &&
            earlier.tool_calls?.some((call) => call.id === message.tool_call_id),
        );
      if (!answered) {
        throw invalidRequest(
          `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (no call has id "${message.tool_call_id.slice(0, 80)}").`,
          `messages[${index}].tool_call_id`,
        );
      }
    }
    if (message.role !== 'assistant' || !message.tool_calls?.length) return;
    const following: typeof messages = [];
    for (let next = index + 1; messages[next]?.role === 'tool'; next++)
      following.push(messages[next] as (typeof messages)[number]);
    const missing = message.tool_calls
      .map((call) => call.id)
      .filter((id) => !following.some((result) => result?.role === 'tool' && result.tool_call_id === id));
    if (missing.length > 0) {
      throw invalidRequest(
        `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
        `messages[${index}].tool_calls`,
      );
    }
  });
}
