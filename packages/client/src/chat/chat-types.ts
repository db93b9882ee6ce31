/**
 * Chat types: Parley's own shapes for a conversation, camelCase and shaped for rendering
 * (the second type layer; the wire layer is `../wire-types.ts`). Everything here is plain,
 * serialisable data, so a conversation can be persisted and restored as JSON.
 */

import type { ChatErrorInfo } from '../error-info.ts';
import type {
  Annotation,
  CacheControl,
  ChoiceLogprobs,
  FinishReason,
  MessageRole,
  ReasoningDetail,
  ResponseFormat,
  Usage,
} from '../wire-types.ts';
import type { ChatRouteAttempt } from './chat-route.ts';

export type { ChatErrorInfo, ParleyErrorKind } from '../error-info.ts';

/**
 * Where a chat is in its request cycle:
 * - `idle`: nothing happens until the user acts (also after a stop).
 * - `submitted`: a request is on its way and nothing streamed yet, or a tool round runs by itself
 *   (executors, `onToolCall` promises) and the next request follows. Busy: offer Stop, not Send.
 * - `streaming`: a reply streams.
 * - `awaiting-tool`: some call of the last reply waits for the user (`approveToolCall`,
 *   `denyToolCall`) or the app (`addToolResult`); once none does, the chat goes on (`submitted`).
 *   A new message answers the waiting calls as cancelled.
 * - `error`: the last request failed (`error` says why).
 */
export type ChatStatus = 'idle' | 'submitted' | 'streaming' | 'awaiting-tool' | 'error';

/** How a message came to rest: still streaming, or how it ended. */
export type ChatMessageStatus = 'pending' | 'streaming' | 'complete' | 'aborted' | 'error' | 'incomplete';

/** Text, rendered as markdown for assistant output. */
export interface ChatTextPart {
  type: 'text';
  text: string;
  cacheControl?: CacheControl;
}
/** An image by URL or data URL (`image_url` on the wire). */
export interface ChatImagePart {
  type: 'image';
  url: string;
  detail?: 'auto' | 'low' | 'high';
  /** Alt text the user gave or the file name; never sent on the wire. */
  alt?: string;
}
/** Audio sent inline as base64 (`input_audio` on the wire). */
export interface ChatAudioPart {
  type: 'audio';
  /** Base64 data without a data-URL prefix. */
  data: string;
  /** The container format, such as `wav` or `mp3`. */
  format: string;
  name?: string;
}
/** A video by URL or data URL (`video_url` or `input_video` on the wire). */
export interface ChatVideoPart {
  type: 'video';
  url: string;
  /** Which wire part carries it. */
  source: 'video_url' | 'input_video';
  name?: string;
}
/** One piece of a message's content. */
export type ChatPart = ChatTextPart | ChatImagePart | ChatAudioPart | ChatVideoPart;

/** Where a tool call is in its life. */
export type ChatToolCallState =
  | 'streaming-arguments'
  | 'awaiting-approval'
  | 'awaiting-result'
  | 'running'
  | 'done'
  | 'failed'
  | 'denied';

/** A tool call of an assistant message, with its result once it has one. */
export interface ChatToolCall {
  id: string;
  /** The stream index of the call in the assistant's `tool_calls` (providers may skip indices). */
  index: number;
  name: string;
  /** Raw argument text as streamed; may be partial JSON while `state` is `streaming-arguments`. */
  argumentsText: string;
  state: ChatToolCallState;
  /** The result as given to the model (the tool message content). */
  result?: string;
  /** Why it failed or was denied, in words a person reads. */
  error?: string;
  /**
   * When the call was handed to its executor or the app (epoch ms); a wait for the person's
   * approval comes before it. Kept with the message, so a restored conversation still tells how
   * long its calls ran.
   */
  startedAt?: number;
  /** When the call settled: done, failed or denied (epoch ms). */
  endedAt?: number;
}

/** Reasoning of an assistant message. */
export interface ChatReasoning {
  /** Concatenated `reasoning` text (readable reasoning or its summary). */
  text: string;
  /** `reasoning_details` entries, merged per entry and kept verbatim to be sent back. */
  details: ReasoningDetail[];
  /** How long the model reasoned, in milliseconds, once it stopped (kept across reloads). */
  durationMs?: number;
}

/** When things happened, for "time to first token" and "tokens per second". Epoch milliseconds. */
export interface ChatTiming {
  startedAt: number;
  firstTokenAt?: number;
  reasoningStartedAt?: number;
  reasoningEndedAt?: number;
  endedAt?: number;
}

/** Why a chat stopped continuing tool rounds by itself, shown on the last message. */
export interface ChatNotice {
  code: 'max-tool-rounds' | 'cost-budget';
  message: string;
}

/** A message of any role. Fields that belong to one role are absent on the others. */
export interface ChatMessage {
  id: string;
  role: MessageRole;
  parts: ChatPart[];
  createdAt: number;
  status: ChatMessageStatus;
  /** `name` on the wire (system, developer, user, assistant). */
  name?: string;
  // assistant
  reasoning?: ChatReasoning;
  toolCalls?: ChatToolCall[];
  refusal?: string;
  logprobs?: ChoiceLogprobs;
  /** Web search citations (`url_citation`), spans into the reply's text. */
  annotations?: Annotation[];
  /** The response's `id` (`gen-…` on OpenRouter), to look the generation up or attach feedback to it. */
  generationId?: string;
  /** The request's `response_format` when it asked for JSON, so the reply can be shown and checked as such. */
  responseFormat?: ResponseFormat;
  usage?: Usage;
  finishReason?: FinishReason | null;
  nativeFinishReason?: string | null;
  model?: string;
  provider?: string;
  /** Every routing attempt, the one that served last, when the server names them (the simulator's `x-parley-route`). */
  route?: ChatRouteAttempt[];
  timing?: ChatTiming;
  error?: ChatErrorInfo;
  /** Set when the chat stopped a tool loop at a limit (the reply itself is fine). */
  notice?: ChatNotice;
  // tool
  toolCallId?: string;
}
