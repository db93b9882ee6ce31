/**
 * Pure folds of streamed deltas into one assistant message. Each returns the same object when an
 * event changes nothing, and otherwise a new message in which only the touched part is new, so a
 * token costs work proportional to the token.
 */

import type { IndexedToolCall } from '../merge.ts';
import { mergeReasoningDetails, mergeToolCallDeltas } from '../merge.ts';
import type { ChoiceLogprobs } from '../wire-types.ts';
import type { ChatDeltaEvent } from './chat-events.ts';
import type {
  ChatErrorInfo,
  ChatMessage,
  ChatMessageStatus,
  ChatTiming,
  ChatToolCall,
} from './chat-types.ts';

const EMPTY_REASONING = { text: '', details: [] };

function started(message: ChatMessage, at: number): ChatMessage {
  if (message.status !== 'pending' && message.timing?.firstTokenAt !== undefined) return message;
  const timing: ChatTiming = message.timing ? { ...message.timing } : { startedAt: at };
  timing.firstTokenAt ??= at;
  return { ...message, status: message.status === 'pending' ? 'streaming' : message.status, timing };
}

/** Marks reasoning as over (the first answer token, or the end of the reply). */
function closeReasoning(message: ChatMessage, at: number): ChatMessage {
  const timing = message.timing;
  if (!timing || timing.reasoningStartedAt === undefined || timing.reasoningEndedAt !== undefined)
    return message;
  const reasoning = message.reasoning ?? EMPTY_REASONING;
  return {
    ...message,
    timing: { ...timing, reasoningEndedAt: at },
    reasoning: { ...reasoning, durationMs: Math.max(0, at - timing.reasoningStartedAt) },
  };
}

function appendText(message: ChatMessage, text: string): ChatMessage {
  const parts = message.parts.slice();
  const last = parts[parts.length - 1];
  if (last?.type === 'text') parts[parts.length - 1] = { ...last, text: last.text + text };
  else parts.push({ type: 'text', text });
  return { ...message, parts };
}

function toWireCall(call: ChatToolCall): IndexedToolCall {
  return {
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.argumentsText },
    index: call.index,
  };
}

function mergeToolCalls(
  calls: readonly ChatToolCall[],
  event: Extract<ChatDeltaEvent, { type: 'tool-call-delta' }>,
) {
  // The client's merge owns the wire rules (ids, names, providers that repeat index 0); calls it
  // did not touch come back as the same wire object, so their chat objects are kept too.
  const wire = calls.map(toWireCall);
  const merged = mergeToolCallDeltas(wire, event.deltas);
  if (merged === wire) return calls as ChatToolCall[];
  // Calls keep their chat object when the merge left their wire object alone, wherever they now stand.
  const untouched = new Map(wire.map((call, position) => [call, calls[position]]));
  return merged.map((call, position): ChatToolCall => {
    const before = untouched.get(call);
    if (before) return before;
    return {
      id: call.id,
      index: call.index ?? position,
      name: call.function.name,
      argumentsText: call.function.arguments,
      state: 'streaming-arguments',
    };
  });
}

function appendLogprobs(before: ChoiceLogprobs | undefined, next: ChoiceLogprobs): ChoiceLogprobs {
  if (!before) return next;
  const join = <T>(a: T[] | null, b: T[] | null) => (a && b ? a.concat(b) : (b ?? a));
  return { content: join(before.content, next.content), refusal: join(before.refusal, next.refusal) };
}

/** Folds one streamed delta into an assistant message. */
export function applyDelta(message: ChatMessage, event: ChatDeltaEvent): ChatMessage {
  switch (event.type) {
    case 'text-delta': {
      if (event.text === '') return message;
      return appendText(closeReasoning(started(message, event.at), event.at), event.text);
    }
    case 'reasoning-delta': {
      let next = started(message, event.at);
      if (next.timing && next.timing.reasoningStartedAt === undefined) {
        next = { ...next, timing: { ...next.timing, reasoningStartedAt: event.at } };
      }
      const reasoning = next.reasoning ?? EMPTY_REASONING;
      const text = event.text ? reasoning.text + event.text : reasoning.text;
      const details = mergeReasoningDetails(reasoning.details, event.details);
      if (text === reasoning.text && details === reasoning.details && next.reasoning) return next;
      return { ...next, reasoning: { ...reasoning, text, details } };
    }
    case 'tool-call-delta': {
      const next = closeReasoning(started(message, event.at), event.at);
      const toolCalls = mergeToolCalls(next.toolCalls ?? [], event);
      return toolCalls === next.toolCalls ? next : { ...next, toolCalls };
    }
    case 'refusal-delta': {
      if (event.text === '') return message;
      const next = closeReasoning(started(message, event.at), event.at);
      return { ...next, refusal: (next.refusal ?? '') + event.text };
    }
    case 'logprobs-delta':
      return { ...message, logprobs: appendLogprobs(message.logprobs, event.logprobs) };
    case 'annotations-delta':
      // OpenRouter may send citations over several deltas; they add up.
      return { ...message, annotations: [...(message.annotations ?? []), ...event.annotations] };
    case 'message-metadata': {
      let next: ChatMessage | undefined;
      const set = <K extends keyof ChatMessage>(key: K, value: ChatMessage[K] | undefined) => {
        if (value === undefined || message[key] === value) return;
        next ??= { ...message };
        next[key] = value;
      };
      set('generationId', event.generationId);
      set('model', event.model);
      set('provider', event.provider);
      set('route', event.route);
      set('usage', event.usage);
      set('finishReason', event.finishReason);
      set('nativeFinishReason', event.nativeFinishReason);
      return next ?? message;
    }
  }
}

/**
 * Brings a reply to rest. Tool calls still streaming become `awaiting-result` when the reply
 * completed (the store then runs, validates or holds them), and `failed` otherwise, because a call
 * cut off mid-arguments can never run.
 */
export function endMessage(
  message: ChatMessage,
  status: Exclude<ChatMessageStatus, 'pending' | 'streaming'>,
  at: number,
  error?: ChatErrorInfo,
): ChatMessage {
  const closed = closeReasoning(message, at);
  const next: ChatMessage = {
    ...closed,
    status,
    timing: { ...(closed.timing ?? { startedAt: at }), endedAt: at },
  };
  if (error) next.error = error;
  if (closed.toolCalls?.some((call) => call.state === 'streaming-arguments')) {
    next.toolCalls = closed.toolCalls.map((call) => {
      if (call.state !== 'streaming-arguments') return call;
      if (status === 'complete') return { ...call, state: 'awaiting-result' };
      return { ...call, state: 'failed', error: 'The reply ended before this call was complete.' };
    });
  }
  return next;
}
