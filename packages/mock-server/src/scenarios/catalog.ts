import type { ErrorType } from '../http/errors.ts';

/**
 * The failure-injection scenarios, as named data. An `http` scenario ends the request (or one
 * routing attempt) with an error response; a `stream` scenario changes how a response is delivered.
 */
export interface HttpFailure {
  kind: 'http';
  status: number;
  code: string;
  type: ErrorType;
  /** Built per request so the message can name the model and provider, as OpenRouter's do. */
  message: (where: { model: string; provider: string }) => string;
  /** Extra `error.metadata` beyond `provider_name` and `scenario`, from the request's last user text. */
  metadata?: (request: { userText: string }) => Record<string, unknown>;
}

export interface StreamBehaviour {
  kind: 'stream';
}

/** Changes what the model says rather than how it is delivered: a refusal, a filtered answer. */
export interface AnswerChange {
  kind: 'answer';
}

export interface NoOp {
  kind: 'none';
}

export type ScenarioDefinition = HttpFailure | StreamBehaviour | AnswerChange | NoOp;

// Fixed, so a test can assert them; the names are OpenAI moderation categories.
const MODERATION_REASONS = ['harassment', 'violence'] as const;
// OpenRouter truncates `flagged_input` to this many characters.
const FLAGGED_INPUT_LIMIT = 100;

export const SCENARIOS = {
  /** Explicitly nothing: lets a demo switch scenarios off, and carries `pace` alone (`none;pace=0`). */
  none: { kind: 'none' },
  /** Only carries `pace` (`slow;pace=50`, or `slow;pace=0` for an unpaced request). */
  slow: { kind: 'none' },
  'rate-limit': {
    kind: 'http',
    status: 429,
    code: 'rate_limited',
    type: 'rate_limit_error',
    message: ({ model, provider }) =>
      `${model} is temporarily rate-limited upstream by ${provider}. Please retry shortly.`,
  },
  'server-error': {
    kind: 'http',
    status: 500,
    code: 'internal_server_error',
    type: 'server_error',
    message: () => 'Internal Server Error',
  },
  'bad-gateway': {
    kind: 'http',
    status: 502,
    code: 'provider_error',
    type: 'provider_error',
    message: () => 'Provider returned error',
  },
  unavailable: {
    kind: 'http',
    status: 503,
    code: 'service_unavailable',
    type: 'server_error',
    message: ({ model }) => `No instances of ${model} are available right now. Please retry shortly.`,
  },
  'insufficient-credits': {
    kind: 'http',
    status: 402,
    code: 'insufficient_credits',
    type: 'invalid_request_error',
    message: () => 'Insufficient credits. Add more using the billing page, then retry.',
  },
  moderation: {
    kind: 'http',
    status: 403,
    code: 'moderation_flagged',
    type: 'invalid_request_error',
    message: ({ model }) => `${model} requires moderation on its provider, and your input was flagged.`,
    // OpenRouter's moderation 403 names the categories and echoes the flagged input, cut to 100 characters.
    metadata: ({ userText }) => ({
      reasons: [...MODERATION_REASONS],
      flagged_input:
        userText.length > FLAGGED_INPUT_LIMIT ? `${userText.slice(0, FLAGGED_INPUT_LIMIT)}...` : userText,
    }),
  },
  timeout: {
    kind: 'http',
    status: 408,
    code: 'request_timeout',
    type: 'server_error',
    message: ({ provider }) => `The simulated provider ${provider} timed out before answering.`,
  },
  // Cloudflare's 524, which OpenRouter returns when the upstream accepted the request but never answered.
  'upstream-timeout': {
    kind: 'http',
    status: 524,
    code: 'upstream_timeout',
    type: 'server_error',
    message: ({ provider }) =>
      `A timeout occurred: ${provider} accepted the request but did not answer in time.`,
  },
  // A gateway's 504: a proxy in front of the provider (a load balancer, an Ollama or vLLM server behind
  // nginx) gave up waiting for it.
  'gateway-timeout': {
    kind: 'http',
    status: 504,
    code: 'gateway_timeout',
    type: 'server_error',
    message: ({ provider }) => `The gateway gave up waiting for ${provider} to answer.`,
  },
  'error-mid-stream': { kind: 'stream' },
  drop: { kind: 'stream' },
  'slow-start': { kind: 'stream' },
  stall: { kind: 'stream' },
  hold: { kind: 'stream' },
  /** The model declines: `refusal` instead of content, `finish_reason: "stop"`. */
  refusal: { kind: 'answer' },
  /** The provider's filter cuts the answer after `after` tokens: `finish_reason: "content_filter"`. */
  'content-filter': { kind: 'answer' },
} satisfies Record<string, ScenarioDefinition>;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
