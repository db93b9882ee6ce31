/**
 * Folds `chat.completion.chunk`s into the completion a non-streaming request would have returned.
 * Work per chunk is proportional to the chunk: text is appended to strings (V8 keeps them as
 * ropes, so appending never copies what came before), logprobs are pushed, and the snapshot is
 * built only when asked for.
 */
import { type IndexedToolCall, mergeReasoningDetails, mergeToolCallDeltas } from './merge.ts';
import type {
  Annotation,
  AssistantMessage,
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChoiceLogprobs,
  FinishReason,
  ReasoningDetail,
  TokenLogprob,
  ToolCall,
  Usage,
} from './wire-types.ts';

interface ChoiceState {
  index: number;
  content: string | null;
  refusal: string | null;
  reasoning: string | null;
  reasoningDetails: ReasoningDetail[];
  toolCalls: IndexedToolCall[];
  finishReason: FinishReason | null;
  nativeFinishReason: string | null;
  logprobsContent: TokenLogprob[] | null;
  logprobsRefusal: TokenLogprob[] | null;
  sawLogprobs: boolean;
  /** Web search citations; OpenRouter may split them over several deltas, so they add up. */
  annotations: Annotation[];
  /** The last snapshot of this choice, reused while nothing changed (structural sharing). */
  snapshot: ChatCompletionChoice | undefined;
}

/** Folds streamed chunks into one completion. */
export interface CompletionAccumulator {
  /** Adds one chunk; chunks with `choices: []` or null fields change only what they carry. */
  add(chunk: ChatCompletionChunk): void;
  /**
   * The completion so far, shaped like the non-streaming response. The returned object is never
   * mutated afterwards; choices that did not change since the last snapshot keep their identity.
   */
  snapshot(): ChatCompletion;
}

function newChoice(index: number): ChoiceState {
  return {
    index,
    content: null,
    refusal: null,
    reasoning: null,
    reasoningDetails: [],
    toolCalls: [],
    finishReason: null,
    nativeFinishReason: null,
    logprobsContent: null,
    logprobsRefusal: null,
    sawLogprobs: false,
    annotations: [],
    snapshot: undefined,
  };
}

function append(current: string | null, piece: string | null | undefined): string | null {
  if (typeof piece !== 'string') return current;
  return current === null ? piece : current + piece;
}

function pushAll(
  target: TokenLogprob[] | null,
  items: TokenLogprob[] | null | undefined,
): TokenLogprob[] | null {
  if (!Array.isArray(items)) return target;
  const list = target ?? [];
  for (const item of items) list.push(item);
  return list;
}

function applyChoice(state: ChoiceState, choice: ChatCompletionChunkChoice): void {
  const delta = choice.delta;
  if (delta) {
    state.content = append(state.content, delta.content);
    state.refusal = append(state.refusal, delta.refusal);
    state.reasoning = append(state.reasoning, delta.reasoning);
    state.reasoningDetails = mergeReasoningDetails(state.reasoningDetails, delta.reasoning_details);
    state.toolCalls = mergeToolCallDeltas(state.toolCalls, delta.tool_calls);
    if (Array.isArray(delta.annotations) && delta.annotations.length > 0) {
      state.annotations = [...state.annotations, ...delta.annotations];
    }
  }
  if (choice.finish_reason != null) state.finishReason = choice.finish_reason;
  if (choice.native_finish_reason != null) state.nativeFinishReason = choice.native_finish_reason;
  const logprobs = choice.logprobs;
  if (logprobs) {
    state.sawLogprobs = true;
    state.logprobsContent = pushAll(state.logprobsContent, logprobs.content);
    state.logprobsRefusal = pushAll(state.logprobsRefusal, logprobs.refusal);
  }
  state.snapshot = undefined;
}

/** Each streamed call without its stream index, made once per call object so untouched calls keep identity. */
const wireCalls = new WeakMap<IndexedToolCall, ToolCall>();

function toWireCall(call: IndexedToolCall): ToolCall {
  let wire = wireCalls.get(call);
  if (!wire) {
    // The non-streaming response carries no `index` on its tool calls.
    const { index: _, ...rest } = call;
    wire = rest;
    wireCalls.set(call, wire);
  }
  return wire;
}

function choiceSnapshot(state: ChoiceState): ChatCompletionChoice {
  if (state.snapshot) return state.snapshot;
  const message: AssistantMessage = {
    role: 'assistant',
    content: state.content,
    refusal: state.refusal,
    reasoning: state.reasoning,
  };
  if (state.toolCalls.length > 0) message.tool_calls = state.toolCalls.map(toWireCall);
  if (state.reasoningDetails.length > 0) message.reasoning_details = state.reasoningDetails;
  if (state.annotations.length > 0) message.annotations = state.annotations;
  const logprobs: ChoiceLogprobs | null = state.sawLogprobs
    ? {
        content: state.logprobsContent ? state.logprobsContent.slice() : null,
        refusal: state.logprobsRefusal ? state.logprobsRefusal.slice() : null,
      }
    : null;
  const snapshot: ChatCompletionChoice = {
    index: state.index,
    message,
    finish_reason: state.finishReason,
    native_finish_reason: state.nativeFinishReason,
    logprobs,
  };
  // The spec puts reasoning_details on the choice; OpenRouter also wants them on the message.
  if (state.reasoningDetails.length > 0) snapshot.reasoning_details = state.reasoningDetails;
  state.snapshot = snapshot;
  return snapshot;
}

/**
 * Creates an incremental accumulator that folds streamed chunks into a {@link ChatCompletion}:
 * text concatenated, `reasoning_details` and tool calls merged per entry, the last non-null
 * finish reason, logprobs accumulated, usage from the last chunk carrying it, and choices kept
 * apart by index.
 */
export function createCompletionAccumulator(): CompletionAccumulator {
  const choices = new Map<number, ChoiceState>();
  let order: ChoiceState[] = [];
  let id: string | undefined;
  let model: string | undefined;
  let created: number | undefined;
  let provider: string | undefined;
  let systemFingerprint: string | undefined;
  let usage: Usage | undefined;
  let cached: ChatCompletion | undefined;

  return {
    add(chunk) {
      if (chunk === null || typeof chunk !== 'object') return;
      if (id === undefined && typeof chunk.id === 'string' && chunk.id !== '') id = chunk.id;
      if (model === undefined && typeof chunk.model === 'string' && chunk.model !== '') model = chunk.model;
      if (created === undefined && typeof chunk.created === 'number') created = chunk.created;
      if (provider === undefined && typeof chunk.provider === 'string') provider = chunk.provider;
      if (systemFingerprint === undefined && typeof chunk.system_fingerprint === 'string') {
        systemFingerprint = chunk.system_fingerprint;
      }
      if (chunk.usage) usage = chunk.usage;
      if (Array.isArray(chunk.choices)) {
        for (const choice of chunk.choices) {
          if (choice === null || typeof choice !== 'object') continue;
          const index = typeof choice.index === 'number' ? choice.index : 0;
          let state = choices.get(index);
          if (!state) {
            state = newChoice(index);
            choices.set(index, state);
            order = [...choices.values()].sort((a, b) => a.index - b.index);
          }
          applyChoice(state, choice);
        }
      }
      cached = undefined;
    },
    snapshot() {
      if (cached) return cached;
      const completion: ChatCompletion = {
        id: id ?? '',
        object: 'chat.completion',
        created: created ?? 0,
        model: model ?? '',
        choices: order.map(choiceSnapshot),
      };
      if (provider !== undefined) completion.provider = provider;
      if (systemFingerprint !== undefined) completion.system_fingerprint = systemFingerprint;
      if (usage !== undefined) completion.usage = usage;
      cached = completion;
      return completion;
    },
  };
}
