/**
 * Folds `chat.completion.chunk`s into the completion a non-streaming request would have returned.
 * Work per chunk is proportional to the chunk: text pieces are joined in batches, reasoning
 * entries merged in place, logprobs pushed, and the snapshot is built only when asked for.
 */
import {
  type AppendDetailText,
  type IndexedToolCall,
  mergeReasoningDetails,
  mergeToolCallDeltas,
} from './merge.ts';
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

/**
 * Text that arrives in many small pieces. Pieces wait in a batch that is joined into one flat
 * string every {@link TEXT_BATCH} pieces: appending each piece to the text so far would make a
 * rope node per piece, and 100,000 rope nodes that all outlive the young generation cost more
 * garbage collection than parsing the chunks does. `null` until a piece arrives.
 */
class Text {
  #head: string | null = null;
  readonly #batch: string[] = [];

  append(piece: string | null | undefined): void {
    if (typeof piece !== 'string') return;
    if (this.#batch.push(piece) === TEXT_BATCH) this.#flush();
  }

  #flush(): void {
    const joined = this.#batch.join('');
    this.#batch.length = 0;
    this.#head = this.#head === null ? joined : this.#head + joined;
  }

  value(): string | null {
    if (this.#batch.length > 0) this.#flush();
    return this.#head;
  }
}

const TEXT_BATCH = 256;

interface ChoiceState {
  index: number;
  content: Text;
  refusal: Text;
  reasoning: Text;
  reasoningDetails: ReasoningDetail[];
  /** The text of each reasoning entry, kept in batches like the content and written at a snapshot. */
  detailTexts: Map<ReasoningDetail, { key: string; text: Text }>;
  appendDetailText: AppendDetailText;
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
  const detailTexts = new Map<ReasoningDetail, { key: string; text: Text }>();
  return {
    index,
    content: new Text(),
    refusal: new Text(),
    reasoning: new Text(),
    reasoningDetails: [],
    detailTexts,
    appendDetailText(entry, key, piece) {
      let pending = detailTexts.get(entry);
      if (!pending) {
        const text = new Text();
        const before = (entry as Record<string, unknown>)[key];
        if (typeof before === 'string') text.append(before);
        else if (typeof piece !== 'string') {
          // Not text at all: kept as it came, as the immutable merge does.
          (entry as Record<string, unknown>)[key] = piece;
          return;
        }
        pending = { key, text };
        detailTexts.set(entry, pending);
      }
      pending.text.append(String(piece));
    },
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
    state.content.append(delta.content);
    state.refusal.append(delta.refusal);
    state.reasoning.append(delta.reasoning);
    // In place: the snapshot copies the entries it hands out.
    state.reasoningDetails = mergeReasoningDetails(
      state.reasoningDetails,
      delta.reasoning_details,
      state.appendDetailText,
    );
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
    content: state.content.value(),
    refusal: state.refusal.value(),
    reasoning: state.reasoning.value(),
  };
  if (state.toolCalls.length > 0) message.tool_calls = state.toolCalls.map(toWireCall);
  for (const [entry, { key, text }] of state.detailTexts)
    (entry as Record<string, unknown>)[key] = text.value();
  // Copied, since later fragments are merged into the accumulator's entries in place.
  const reasoningDetails =
    state.reasoningDetails.length > 0 ? state.reasoningDetails.map((entry) => ({ ...entry })) : undefined;
  if (reasoningDetails) message.reasoning_details = reasoningDetails;
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
  if (reasoningDetails) snapshot.reasoning_details = reasoningDetails;
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
  let last: ChoiceState | undefined;
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
      const list = chunk.choices;
      if (Array.isArray(list)) {
        // An indexed loop, and the last choice's state kept at hand: one choice per chunk is the
        // common case, and this runs once per chunk.
        for (let i = 0; i < list.length; i++) {
          const choice = list[i];
          if (choice === null || typeof choice !== 'object') continue;
          const index = typeof choice.index === 'number' ? choice.index : 0;
          let state = last !== undefined && last.index === index ? last : choices.get(index);
          if (!state) {
            state = newChoice(index);
            choices.set(index, state);
            order = [...choices.values()].sort((a, b) => a.index - b.index);
          }
          last = state;
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
