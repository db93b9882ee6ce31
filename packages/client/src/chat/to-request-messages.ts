/**
 * Chat messages to wire messages. What goes back to the model:
 * - user parts become content parts (image -> `image_url`, audio -> `input_audio`, video ->
 *   `video_url` or `input_video` per its `source`); a lone text part becomes a plain string;
 * - a complete assistant reply goes back with its `tool_calls` and its `reasoning_details`
 *   unchanged (the same objects), which reasoning models need to continue across tool rounds;
 * - after it, one tool message per settled call (its result, its error, or the user's denial),
 *   unless the conversation already holds a `tool` message for that call;
 * - a reply that did not complete (aborted, error, incomplete) keeps its partial text in the UI,
 *   and is sent back as it was received when it has text: the text, and the reasoning_details
 *   entries that arrived whole (a `reasoning.text` entry once its signature came, which is streamed
 *   last; summaries and encrypted entries come whole); an entry cut mid-stream is dropped, since a
 *   partial signed block would be refused. A provider that wants the reasoning of an earlier turn
 *   back then gets it, so a stopped or cut reply never locks the conversation. No tool calls (they
 *   never ran). An interrupted reply with no text is not sent at all, nor is a reply still streaming.
 * And the body of one streamed request around them (`toRequestBody`).
 */
import type {
  AssistantMessage,
  ChatCompletionStreamingParams,
  ContentPart,
  DeveloperMessage,
  Message,
  ReasoningDetail,
  SystemMessage,
  UserMessage,
} from '../wire-types.ts';
import { getMessageText } from './chat-selectors.ts';
import type { ChatRequestParams, ChatStoreOptions } from './chat-store-types.ts';
import { toToolDefinitions } from './chat-tools.ts';
import type { ChatMessage, ChatPart, ChatToolCall } from './chat-types.ts';

function toContentPart(part: ChatPart): ContentPart {
  switch (part.type) {
    case 'text':
      return part.cacheControl
        ? { type: 'text', text: part.text, cache_control: part.cacheControl }
        : { type: 'text', text: part.text };
    case 'image':
      return {
        type: 'image_url',
        image_url: part.detail ? { url: part.url, detail: part.detail } : { url: part.url },
      };
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format } };
    case 'video':
      return { type: part.source, video_url: { url: part.url } };
  }
}

/** A lone uncached text part is sent as a string, which every provider accepts. */
function toContent(parts: readonly ChatPart[]): string | ContentPart[] {
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'text' && !only.cacheControl) return only.text;
  if (parts.length === 0) return '';
  return parts.map(toContentPart);
}

/** What the model is told a settled call produced. */
export function toolCallContent(call: ChatToolCall): string | undefined {
  switch (call.state) {
    case 'done':
      return call.result ?? '';
    case 'failed':
    case 'denied':
      return call.result ?? `Error: ${call.error ?? 'the tool call failed'}`;
    default:
      return undefined;
  }
}

/**
 * The entries of an interrupted reply's reasoning that arrived whole. A `reasoning.text` entry is
 * signed at its end, so one without a signature was cut (or is from a provider that does not sign,
 * whose reasoning is optional to send back); the others arrive in one piece.
 */
function wholeReasoningDetails(details: readonly ReasoningDetail[]): ReasoningDetail[] {
  return details.filter((detail) => detail.type !== 'reasoning.text' || Boolean(detail.signature));
}

function toAssistantMessages(message: ChatMessage, answered: ReadonlySet<string>): Message[] {
  const text = getMessageText(message);
  if (message.status !== 'complete') {
    if (message.status === 'pending' || message.status === 'streaming' || text === '') return [];
    const interrupted: AssistantMessage = { role: 'assistant', content: text };
    const whole = wholeReasoningDetails(message.reasoning?.details ?? []);
    if (whole.length > 0) interrupted.reasoning_details = whole;
    return [interrupted];
  }
  const calls = message.toolCalls ?? [];
  const wire: AssistantMessage = {
    role: 'assistant',
    content: text === '' && calls.length > 0 ? null : text,
  };
  if (message.name !== undefined) wire.name = message.name;
  if (message.refusal) wire.refusal = message.refusal;
  if (calls.length > 0) {
    wire.tool_calls = calls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.argumentsText },
    }));
  }
  const details = message.reasoning?.details;
  if (details && details.length > 0) wire.reasoning_details = details;
  const out: Message[] = [wire];
  for (const call of calls) {
    if (answered.has(call.id)) continue;
    const content = toolCallContent(call);
    if (content !== undefined) out.push({ role: 'tool', tool_call_id: call.id, content });
  }
  return out;
}

/**
 * Converts a conversation to the `messages` of a request (see the module comment for what is
 * sent of interrupted replies and tool calls).
 */
export function toRequestMessages(messages: readonly ChatMessage[]): Message[] {
  const answered = new Set<string>();
  for (const message of messages)
    if (message.role === 'tool' && message.toolCallId) answered.add(message.toolCallId);
  const out: Message[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer': {
        const wire: SystemMessage | DeveloperMessage = {
          role: message.role,
          content: getMessageText(message),
        };
        if (message.name !== undefined) wire.name = message.name;
        out.push(wire);
        break;
      }
      case 'user': {
        const wire: UserMessage = { role: 'user', content: toContent(message.parts) };
        if (message.name !== undefined) wire.name = message.name;
        out.push(wire);
        break;
      }
      case 'assistant':
        out.push(...toAssistantMessages(message, answered));
        break;
      case 'tool':
        if (message.toolCallId) {
          out.push({ role: 'tool', tool_call_id: message.toolCallId, content: toContent(message.parts) });
        }
        break;
    }
  }
  return out;
}

/**
 * The body of one streamed request: the parameters resolved for it, over the chat's model, models
 * and tools. Usage is asked for by default, since the chat shows it and `maxCost` needs it.
 */
export function toRequestBody(
  messages: readonly ChatMessage[],
  extra: ChatRequestParams,
  options: Pick<ChatStoreOptions, 'model' | 'models' | 'tools' | 'keepToolChoice'>,
): ChatCompletionStreamingParams {
  const body: ChatCompletionStreamingParams = {
    ...extra,
    messages: toRequestMessages(messages),
    stream: true,
    stream_options: extra.stream_options ?? { include_usage: true },
  };
  const model = extra.model ?? options.model;
  if (model !== undefined) body.model = model;
  const models = extra.models ?? options.models;
  if (models !== undefined) body.models = models;
  const tools = options.tools;
  if (extra.tools === undefined && tools && Object.keys(tools).length > 0)
    body.tools = toToolDefinitions(tools);
  if (isForced(body.tool_choice) && !options.keepToolChoice && isLaterToolRound(messages)) {
    body.tool_choice = 'auto';
  }
  return body;
}

/** `required` or a named function: a choice that makes the model call a tool. */
function isForced(choice: ChatRequestParams['tool_choice']): boolean {
  return choice === 'required' || (typeof choice === 'object' && choice !== null);
}

/**
 * Whether this request continues a tool round: a reply since the last user message already
 * called tools. OpenAI-style models obey a forced `tool_choice` on every request, so forcing it
 * again would make every round call a tool until `maxToolRounds` stops the loop.
 */
function isLaterToolRound(messages: readonly ChatMessage[]): boolean {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role === 'user') return false;
    if (message?.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) return true;
  }
  return false;
}
