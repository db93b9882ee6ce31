/**
 * `createParleyClient`: the typed client for `POST /chat/completions`, `GET /models` and
 * `GET /models/{author}/{slug}/endpoints`, shaped the way openai-node users expect. Every
 * dependency (fetch, headers, clock) is passed in; there is no global configuration.
 */
import { ParleyHttpError, ParleyInvalidResponseError, ParleyNetworkError } from './errors.ts';
import { parseJson, redactHeaders, redactJson } from './redact.ts';
import { type RetryInfo, type RetryScheduler, realScheduler } from './retry.ts';
import { type ChatCompletionStream, createChatCompletionStream } from './stream.ts';
import { type Attempt, type RequestOptions, send, type TransportConfig } from './transport.ts';
import { splitModelId, validateChatParams } from './validate.ts';
import type {
  ChatCompletion,
  ChatCompletionNonStreamingParams,
  ChatCompletionParams,
  ChatCompletionStreamingParams,
  ErrorBody,
  ModelEndpoints,
  ModelList,
} from './wire-types.ts';

/** Options of {@link createParleyClient}. */
export interface ParleyClientOptions {
  /** The API root, such as `https://openrouter.ai/api/v1` or a simulator's `baseURL`. */
  baseURL: string;
  /** Sent only as `Authorization: Bearer …`; never put in a URL, an error message or a log line. */
  apiKey?: string | undefined;
  /** The fetch to use; defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Headers sent with every request (such as `HTTP-Referer` and `X-Title` for OpenRouter). */
  headers?: Record<string, string> | undefined;
  /** Retries after a retryable failure before the response; default 2. */
  maxRetries?: number | undefined;
  /**
   * Milliseconds without progress (before the response, or between stream reads) before giving up;
   * default 600,000 (10 minutes); a stall is noticed at most an eighth late. 0 or `Infinity` turns it off.
   */
  timeout?: number | undefined;
  /** Called before each retry with its number, delay and cause. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Advanced: the clock, sleep and random source of the retry loop (tests use a fake one). */
  scheduler?: RetryScheduler | undefined;
}

/** The `chat.completions` resource. */
export interface ChatCompletionsResource {
  /** Sends a streaming request; resolves once the response headers arrive. */
  create(params: ChatCompletionStreamingParams, options?: RequestOptions): Promise<ChatCompletionStream>;
  /** Sends a non-streaming request; resolves with the whole completion. */
  create(params: ChatCompletionNonStreamingParams, options?: RequestOptions): Promise<ChatCompletion>;
  /** Sends a request whose `stream` flag is only known at run time. */
  create(
    params: ChatCompletionParams,
    options?: RequestOptions,
  ): Promise<ChatCompletion | ChatCompletionStream>;
}

/** The `models` resource. */
export interface ModelsResource {
  /** Lists the models (`GET /models`). */
  list(options?: RequestOptions): Promise<ModelList>;
  /** Lists the providers serving one model (`GET /models/{author}/{slug}/endpoints`). */
  endpoints(model: string, options?: RequestOptions): Promise<ModelEndpoints>;
}

/** A configured client; see {@link createParleyClient}. */
export interface ParleyClient {
  readonly chat: { readonly completions: ChatCompletionsResource };
  readonly models: ModelsResource;
}

/** Reads a 2xx JSON body, turning unreadable bodies into typed errors. */
async function readJson(response: Response, attempt: Attempt, apiKey: string | undefined): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw (
      attempt.reason ??
      new ParleyNetworkError({ message: 'The connection failed while reading the response', cause })
    );
  } finally {
    attempt.dispose();
  }
  const contentType = response.headers.get('content-type');
  const parsed = parseJson(text, apiKey);
  if (!parsed.ok) {
    throw new ParleyInvalidResponseError({
      status: response.status,
      contentType,
      message: `Expected a JSON body, got ${contentType ?? 'no content-type'}`,
      cause: parsed.cause,
    });
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object') {
    throw new ParleyInvalidResponseError({
      status: response.status,
      contentType,
      message: 'Expected a JSON object',
    });
  }
  // OpenRouter can only report a failure inside a 200 once it has started answering (it sends
  // whitespace to keep the connection open), so an error body with status 200 is still an error.
  const error = (value as Partial<ErrorBody>).error;
  if (error && typeof error === 'object' && !('choices' in value) && !('data' in value)) {
    const body = redactJson(value as ErrorBody, apiKey);
    throw new ParleyHttpError({
      status: response.status,
      headers: redactHeaders(response.headers, apiKey),
      body,
    });
  }
  return value;
}

function expectShape<T>(
  value: unknown,
  response: Response,
  check: (v: Record<string, unknown>) => boolean,
): T {
  if (!check(value as Record<string, unknown>)) {
    throw new ParleyInvalidResponseError({
      status: response.status,
      contentType: response.headers.get('content-type'),
      message: 'The response body does not have the expected shape',
    });
  }
  return value as T;
}

async function createCompletion(
  config: TransportConfig,
  params: ChatCompletionParams,
  options: RequestOptions = {},
): Promise<ChatCompletion | ChatCompletionStream> {
  validateChatParams(params);
  const stream = params.stream === true;
  const { response, attempt } = await send(
    config,
    {
      method: 'POST',
      path: 'chat/completions',
      body: params,
      accept: stream ? 'text/event-stream' : 'application/json',
    },
    options,
  );
  if (!stream) {
    const value = await readJson(response, attempt, config.apiKey);
    return expectShape<ChatCompletion>(value, response, (v) => Array.isArray(v.choices));
  }
  const contentType = response.headers.get('content-type');
  // A server that fails before it starts streaming may answer the streaming request with a JSON
  // error and status 200 (OpenRouter once it has sent its whitespace keep-alive): that is the error.
  if (contentType?.toLowerCase().includes('json')) {
    await readJson(response, attempt, config.apiKey);
  }
  if (!contentType?.toLowerCase().includes('text/event-stream')) {
    attempt.dispose();
    await response.body?.cancel().catch(() => {});
    throw new ParleyInvalidResponseError({
      status: response.status,
      contentType,
      message: `Expected an event stream, got ${contentType ?? 'no content-type'}`,
    });
  }
  return createChatCompletionStream(response, attempt, config.apiKey);
}

/**
 * Creates a client for an OpenRouter-compatible chat completions API. Failures before a response
 * (408, 429, 500, 502, 503, 504, 524, 529, network errors, timeouts) are retried with exponential backoff and
 * jitter, honouring `Retry-After`; nothing is retried once a stream has started.
 *
 * @example
 * ```ts
 * const client = createParleyClient({ baseURL: 'https://openrouter.ai/api/v1', apiKey });
 * const stream = await client.chat.completions.create(
 *   { model: 'parley/echo', messages: [{ role: 'user', content: 'Hello' }], stream: true },
 *   { signal },
 * );
 * for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? '');
 * const completion = await stream.finalCompletion();
 * ```
 */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  const config: TransportConfig = {
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: { ...options.headers },
    maxRetries: options.maxRetries ?? 2,
    timeout: options.timeout ?? 600_000,
    onRetry: options.onRetry,
    scheduler: options.scheduler ?? realScheduler,
  };
  const completions = {
    create: (params: ChatCompletionParams, requestOptions?: RequestOptions) =>
      createCompletion(config, params, requestOptions),
  } as ChatCompletionsResource;
  const getJson = async <T>(path: string, requestOptions: RequestOptions | undefined, key: string) => {
    const { response, attempt } = await send(
      config,
      { method: 'GET', path, accept: 'application/json' },
      requestOptions,
    );
    const value = await readJson(response, attempt, config.apiKey);
    return expectShape<T>(value, response, (v) => v[key] !== null && typeof v[key] === 'object');
  };
  return {
    chat: { completions },
    models: {
      list: (requestOptions) => getJson<ModelList>('models', requestOptions, 'data'),
      async endpoints(model, requestOptions) {
        const [author, slug] = splitModelId(model);
        const path = `models/${encodeURIComponent(author)}/${encodeURIComponent(slug)}/endpoints`;
        return getJson<ModelEndpoints>(path, requestOptions, 'data');
      },
    },
  };
}
