/**
 * Wire types: the request and response bodies of `POST /chat/completions`, field for field as sent
 * (snake_case). Each is named after, and generated from, a schema of the OpenAPI document in
 * `spec/chat-completions.openapi.json`; regenerate with `pnpm generate`.
 *
 * Where the spec leaves a shape open (the video parts carry only `type`), the extension is
 * written here by hand with a comment naming its source.
 */
import type { components } from './generated/openapi.ts';

type Schemas = components['schemas'];

/** Request body of `POST /chat/completions`. @see spec `ChatGenerationParams` */
export type ChatGenerationParams = Schemas['ChatGenerationParams'];
/** Routing preferences. @see spec `ChatGenerationParamsProvider` */
export type ProviderPreferences = Schemas['ChatGenerationParamsProvider'];
/** A provider slug, one of the known names or any string. @see spec `Schema0Items` */
export type ProviderName = Schemas['Schema0Items'];
/** A quantization level a provider may serve a model at (`int4`, `fp8`, ...). @see spec `ChatGenerationParamsProviderQuantizationsItems` */
export type Quantization = Schemas['ChatGenerationParamsProviderQuantizationsItems'];
/** How to order providers: by price, throughput or latency. @see spec `ProviderSortUnion` */
export type ProviderSort = Schemas['ProviderSortUnion'];
/** The most a request may cost per prompt and completion token, request and image. @see spec `ChatGenerationParamsProviderMaxPrice` */
export type ProviderMaxPrice = Schemas['ChatGenerationParamsProviderMaxPrice'];
/** One plugin of `plugins[]` (moderation, web, file-parser, response-healing). @see spec `ChatGenerationParamsPluginsItems` */
export type Plugin = Schemas['ChatGenerationParamsPluginsItems'];
/** How `models[]` fallbacks are used. @see spec `ChatGenerationParamsRoute` */
export type Route = Schemas['ChatGenerationParamsRoute'];
/** The request's reasoning settings (effort, token budget, whether to return it). @see spec `ChatGenerationParamsReasoning` */
export type ReasoningParams = Schemas['ChatGenerationParamsReasoning'];
/** How hard a reasoning model thinks. @see spec `ChatGenerationParamsReasoningEffort` */
export type ReasoningEffort = Schemas['ChatGenerationParamsReasoningEffort'];
/** The shape asked of the reply. @see spec `ChatGenerationParamsResponseFormat` (text, json_object, json_schema, grammar, python) */
export type ResponseFormat = Schemas['ChatGenerationParamsResponseFormat'];
/** The schema of a `json_schema` response format, with its name and strictness. @see spec `JSONSchemaConfig` */
export type JsonSchemaConfig = Schemas['JSONSchemaConfig'];
/** Options of a streamed request (`include_usage`). @see spec `ChatStreamOptions` */
export type StreamOptions = Schemas['ChatStreamOptions'];
/** Whether and which tool the model must call: `none`, `auto`, `required` or a named function. @see spec `ToolChoiceOption` */
export type ToolChoice = Schemas['ToolChoiceOption'];
/** A function tool offered to the model. @see spec `ToolDefinitionJson` */
export type ToolDefinition = Schemas['ToolDefinitionJson'];
/** Where generation stops: one string or several. @see spec `ChatGenerationParamsStop` */
export type StopSequences = Schemas['ChatGenerationParamsStop'];

/** A prompt-caching breakpoint on a content part. @see spec `ChatMessageContentItemCacheControl` */
export type CacheControl = Schemas['ChatMessageContentItemCacheControl'];
/** A text content part. @see spec `ChatMessageContentItemText` */
export type TextContentPart = Schemas['ChatMessageContentItemText'];
/** An image content part, by URL or data URL. @see spec `ChatMessageContentItem` (image_url variant) */
export type ImageContentPart = Extract<Schemas['ChatMessageContentItem'], { type: 'image_url' }>;
/** An audio content part, inline as base64 with its format. @see spec `ChatMessageContentItem` (input_audio variant) */
export type AudioContentPart = Extract<Schemas['ChatMessageContentItem'], { type: 'input_audio' }>;
/**
 * A video by URL or data URL. The spec's variant carries only `type`; the `video_url` payload
 * follows OpenRouter's published `ChatContentVideo` shape (docs: multimodal/videos).
 */
export interface VideoUrlContentPart {
  type: 'video_url';
  video_url: { url: string };
}
/**
 * A video sent inline. The spec's variant carries only `type`; OpenRouter's SDK sends the same
 * `video_url: { url }` payload under `type: 'input_video'` (OpenRouterTeam/typescript-sdk, ChatMessageContentItemVideo).
 */
export interface InputVideoContentPart {
  type: 'input_video';
  video_url: { url: string };
}
/** Any content part of a user, assistant or tool message. @see spec `ChatMessageContentItem` */
export type ContentPart =
  | TextContentPart
  | ImageContentPart
  | AudioContentPart
  | VideoUrlContentPart
  | InputVideoContentPart;

/** A function call the model made, its arguments as raw JSON text. @see spec `ChatMessageToolCall` */
export type ToolCall = Schemas['ChatMessageToolCall'];
/** One `reasoning_details` entry: text (with signature), summary or encrypted. @see spec `__schema3` */
export type ReasoningDetail = Schemas['__schema3'];
/** A `reasoning.text` entry: reasoning text with its signature. @see spec `Schema32` */
export type ReasoningTextDetail = Schemas['Schema32'];
/** A `reasoning.summary` entry. @see spec `Schema30` */
export type ReasoningSummaryDetail = Schemas['Schema30'];
/** A `reasoning.encrypted` entry, opaque to the client. @see spec `Schema31` */
export type ReasoningEncryptedDetail = Schemas['Schema31'];

/** A system message. @see spec `SystemMessage` */
export type SystemMessage = Schemas['SystemMessage'];
/** A developer message. @see spec `Message2` (the developer role) */
export type DeveloperMessage = Schemas['Message2'];
/** A user message. @see spec `UserMessage`, with the video parts completed as {@link ContentPart} describes */
export interface UserMessage {
  role: 'user';
  content: string | ContentPart[];
  name?: string;
}
/**
 * An assistant message, as sent back in the history. @see spec `AssistantMessage`. `reasoning_details` is not in the spec's message schema (it sits
 * on the choice), but OpenRouter requires it back on the assistant message for reasoning continuity.
 */
export interface AssistantMessage extends Omit<Schemas['AssistantMessage'], 'content'> {
  content?: string | ContentPart[] | null;
  reasoning_details?: ReasoningDetail[];
  /** Not in the spec: OpenRouter's web search citations on the reply. */
  annotations?: Annotation[];
}

/**
 * A web search citation: the cited page and the span `[start_index, end_index)` of the reply it
 * backs. Not in the spec; OpenRouter's web plugin and `:online` models send it on the message
 * (JSON) or in a `delta.annotations` (streamed).
 * @see https://openrouter.ai/docs/features/web-search
 */
export interface UrlCitationAnnotation {
  type: 'url_citation';
  url_citation: { url: string; title?: string; content?: string; start_index: number; end_index: number };
}
/** An annotation of a reply; `url_citation` is the only type OpenRouter sends today. */
export type Annotation = UrlCitationAnnotation;
/** The result of a tool call, sent back to the model. @see spec `ToolResponseMessage` */
export interface ToolMessage {
  role: 'tool';
  content: string | ContentPart[];
  tool_call_id: string;
}
/** Any message of the five roles. @see spec `Message` */
export type Message = SystemMessage | DeveloperMessage | UserMessage | AssistantMessage | ToolMessage;
/** The role names of {@link Message}. */
export type MessageRole = Message['role'];

/** The request body, with messages typed as {@link Message}. @see spec `ChatGenerationParams` */
export type ChatCompletionParams = Omit<ChatGenerationParams, 'messages'> & { messages: Message[] };
/** A request body that asks for a stream. */
export type ChatCompletionStreamingParams = ChatCompletionParams & { stream: true };
/** A request body that asks for one JSON response. */
export type ChatCompletionNonStreamingParams = ChatCompletionParams & { stream?: false | null };

/** Why a choice ended: `stop`, `length`, `tool_calls`, `content_filter` or `error`. @see spec `ChatCompletionFinishReason` */
export type FinishReason = Schemas['ChatCompletionFinishReason'];
/** The log probabilities of a choice's tokens. @see spec `ChatMessageTokenLogprobs` */
export type ChoiceLogprobs = Schemas['ChatMessageTokenLogprobs'];
/** One token with its log probability and top alternatives. @see spec `ChatMessageTokenLogprob` */
export type TokenLogprob = Schemas['ChatMessageTokenLogprob'];
/** Token counts of a request, with their details and the cost. @see spec `ChatGenerationTokenUsage` */
export type Usage = Schemas['ChatGenerationTokenUsage'] & {
  /** OpenRouter adds the cost in credits when usage accounting is on. */
  cost?: number;
};
/** One choice of the non-streaming response. @see spec `ChatResponseChoice` */
export interface ChatCompletionChoice extends Omit<Schemas['ChatResponseChoice'], 'message'> {
  message: AssistantMessage;
  /** OpenRouter's upstream finish reason, verbatim. */
  native_finish_reason?: string | null;
}
/** The non-streaming response. @see spec `ChatResponse` */
export interface ChatCompletion extends Omit<Schemas['ChatResponse'], 'choices' | 'usage'> {
  choices: ChatCompletionChoice[];
  usage?: Usage;
  /** The simulated or real provider that served the request (OpenRouter adds it). */
  provider?: string;
}

/**
 * The error body. Looser than the spec's `ErrorResponse` where OpenRouter is: `code` is the HTTP
 * status as a number, `param` and `type` are often absent, and `metadata` carries the provider
 * name, the raw upstream error or moderation reasons.
 * @see spec `ErrorResponse`; https://openrouter.ai/docs/api/reference/errors-and-debugging
 */
export interface ErrorBody {
  error: {
    code: string | number;
    message: string;
    param?: string | null;
    type?: string | null;
    metadata?: Record<string, unknown>;
  };
}

// ---------------------------------------------------------------------------------------------
// Streaming. The spec describes only the JSON response; these follow OpenAI's
// `chat.completion.chunk` and OpenRouter's documented streaming behaviour: keep-alive comments,
// `usage` on a last chunk with empty `choices`, and a mid-stream failure as a chunk with a top-level
// `error` and `finish_reason: "error"`.
// @see https://openrouter.ai/docs/api-reference/streaming
// @see https://platform.openai.com/docs/api-reference/chat-streaming/streaming

/** A tool-call fragment in a streamed delta, merged by `index`. */
export interface ToolCallDelta {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

/** What one chunk adds to a choice's message. */
export interface ChatCompletionChunkDelta {
  role?: 'assistant' | null;
  content?: string | null;
  reasoning?: string | null;
  /**
   * The reasoning delta under the name DeepSeek, vLLM and others use; the client copies it to
   * `reasoning` when that is absent, so reading `reasoning` is enough.
   */
  reasoning_content?: string | null;
  reasoning_details?: ReasoningDetail[];
  tool_calls?: ToolCallDelta[];
  refusal?: string | null;
  /** Web search citations (OpenRouter), sent once the text they point into has streamed. */
  annotations?: Annotation[];
}

/** One choice of a chunk. */
export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChatCompletionChunkDelta;
  finish_reason: FinishReason | null;
  native_finish_reason?: string | null;
  logprobs?: ChoiceLogprobs | null;
}

/**
 * One server-sent event of a streaming response. `choices` may be empty on the final usage chunk;
 * `error` appears on a mid-stream failure (with `finish_reason: 'error'` on the choice).
 */
export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  provider?: string;
  system_fingerprint?: string | null;
  choices: ChatCompletionChunkChoice[];
  usage?: Usage | null;
  error?: ErrorBody['error'];
}

// ---------------------------------------------------------------------------------------------
// Models. Not in the spec; OpenRouter's published `GET /models` and
// `GET /models/{author}/{slug}/endpoints` shapes, with the fields a model picker needs.
// @see https://openrouter.ai/docs/api-reference/list-available-models
// @see https://openrouter.ai/docs/api/api-reference/endpoints/list-endpoints

/** Price per token (or per request/image) as decimal strings, as OpenRouter sends them. */
export interface ModelPricing {
  prompt: string;
  completion: string;
  request?: string;
  image?: string;
  audio?: string;
  web_search?: string;
  internal_reasoning?: string;
  input_cache_read?: string;
  input_cache_write?: string;
}

/** An input or output modality. */
export type Modality = 'text' | 'image' | 'audio' | 'video' | 'file';

/** One entry of `GET /models`. */
export interface Model {
  id: string;
  canonical_slug?: string;
  name: string;
  description: string;
  created: number;
  context_length: number;
  pricing: ModelPricing;
  architecture: {
    modality: string;
    input_modalities: Modality[];
    output_modalities: Modality[];
    tokenizer?: string;
    instruct_type?: string | null;
  };
  top_provider: {
    context_length: number | null;
    max_completion_tokens: number | null;
    is_moderated: boolean;
  };
  per_request_limits?: Record<string, string> | null;
  supported_parameters: string[];
  /** Reasoning capabilities, where the model reasons. */
  reasoning?: {
    supported: boolean;
    efforts?: ReasoningEffort[];
    returns_encrypted?: boolean;
    returns_summary?: boolean;
  };
  default_parameters?: Record<string, unknown> | null;
}

/** `GET /models` response. */
export interface ModelList {
  data: Model[];
}

/** One provider serving a model. */
export interface ModelEndpoint {
  name: string;
  model_name?: string;
  provider_name: string;
  tag?: string;
  context_length: number;
  max_completion_tokens: number | null;
  max_prompt_tokens?: number | null;
  quantization: Quantization | null;
  pricing: ModelPricing;
  supported_parameters: string[];
  /** 0 for ok; negative values are degraded or down, as OpenRouter reports. */
  status: number;
  uptime_last_30m: number | null;
  /** Median latency to first token, in milliseconds. */
  latency_last_30m?: number | null;
  /** Median tokens per second. */
  throughput_last_30m?: number | null;
  supports_implicit_caching?: boolean;
  /** Simulator and OpenRouter data policy flags. */
  data_policy?: { training: boolean; retains_prompts?: boolean; zdr?: boolean };
}

/** `GET /models/{author}/{slug}/endpoints` response. */
export interface ModelEndpoints {
  data: {
    id: string;
    name: string;
    created: number;
    description: string;
    architecture: Model['architecture'];
    endpoints: ModelEndpoint[];
  };
}
