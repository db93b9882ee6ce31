import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionChunkDelta,
  ReasoningDetail,
  TokenLogprob,
  Usage,
} from '@parley/client';
import { tokenize } from '../generate/tokens.ts';
import type { Turn } from '../generate/turn.ts';

/** Everything about one answer that is the same in its JSON and its streamed form. */
export interface RenderedTurn {
  id: string;
  created: number;
  model: string;
  provider: string;
  turn: Turn;
  usage: Usage;
  /** One entry per content token when logprobs were asked for. */
  logprobs: TokenLogprob[] | null;
  /** Leave reasoning out of the output (OpenRouter's `reasoning.exclude`); it is still billed. */
  excludeReasoning: boolean;
}

// OpenRouter sends a fingerprint only for some upstreams; a fixed one marks the simulator's build.
const SYSTEM_FINGERPRINT = 'fp_parley_sim_1';

export function toCompletion(rendered: RenderedTurn): ChatCompletion {
  const { turn } = rendered;
  const details = !rendered.excludeReasoning && turn.reasoning ? turn.reasoning.details : undefined;
  const content = turn.content.join('');
  return {
    id: rendered.id,
    object: 'chat.completion',
    created: rendered.created,
    model: rendered.model,
    provider: rendered.provider,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        finish_reason: turn.finishReason,
        native_finish_reason: turn.finishReason,
        logprobs: rendered.logprobs ? { content: rendered.logprobs, refusal: null } : null,
        message: {
          role: 'assistant',
          // A refusal comes instead of content, as OpenAI sends it.
          content: (turn.toolCalls.length > 0 || turn.refusal) && content === '' ? null : content,
          refusal: turn.refusal ? turn.refusal.join('') : null,
          ...(turn.annotations ? { annotations: turn.annotations } : {}),
          reasoning: details ? (turn.reasoning?.text.join('') ?? null) : null,
          ...(details ? { reasoning_details: details } : {}),
          ...(turn.toolCalls.length > 0
            ? {
                tool_calls: turn.toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function' as const,
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        },
        // The spec puts reasoning_details on the choice; OpenRouter on the message. Both, identical.
        ...(details ? { reasoning_details: details } : {}),
      },
    ],
    usage: rendered.usage,
  };
}

/** One step of a stream: a chunk's delta, and whether it carries a token (for pacing and `after=N`). */
export interface StreamStep {
  delta: ChatCompletionChunkDelta;
  logprobs?: TokenLogprob[];
  token: boolean;
  /** The first reasoning step: a real reasoning model pauses to think before it. */
  thinking?: boolean;
}

export function toStreamSteps(rendered: RenderedTurn): StreamStep[] {
  const { turn } = rendered;
  const steps: StreamStep[] = [{ delta: { role: 'assistant', content: '' }, token: false }];
  if (turn.reasoning && !rendered.excludeReasoning) steps.push(...reasoningSteps(turn.reasoning));
  turn.content.forEach((token, index) => {
    const logprob = rendered.logprobs?.[index];
    steps.push({ delta: { content: token }, token: true, ...(logprob ? { logprobs: [logprob] } : {}) });
  });
  for (const token of turn.refusal ?? []) steps.push({ delta: { refusal: token }, token: true });
  // OpenRouter sends the web plugin's citations in a delta of their own once the text is out.
  if (turn.annotations?.length) steps.push({ delta: { annotations: turn.annotations }, token: false });
  steps.push(...toolCallSteps(turn));
  return steps;
}

function reasoningSteps(reasoning: NonNullable<Turn['reasoning']>): StreamStep[] {
  const [textEntry, ...rest] = reasoning.details;
  const base = { id: textEntry?.id ?? null, format: textEntry?.format ?? null };
  const steps: StreamStep[] = reasoning.text.map((token, position) => ({
    delta: {
      reasoning: token,
      reasoning_details: [{ type: 'reasoning.text', text: token, ...base, index: 0 }],
    },
    token: true,
    ...(position === 0 ? { thinking: true } : {}),
  }));
  // The signature comes last and alone, as Anthropic streams it after the thinking text.
  steps.push({
    delta: {
      reasoning_details: [{ type: 'reasoning.text', signature: reasoning.signature, ...base, index: 0 }],
    },
    token: false,
  });
  for (const detail of rest) steps.push(...laterDetailSteps(detail));
  return steps;
}

function laterDetailSteps(detail: ReasoningDetail): StreamStep[] {
  if (detail.type === 'reasoning.summary') {
    return tokenize(detail.summary).map((token) => ({
      delta: { reasoning_details: [{ ...detail, summary: token }] },
      token: true,
    }));
  }
  return [{ delta: { reasoning_details: [detail] }, token: false }];
}

/**
 * Tool calls stream as a header (id, name) and argument fragments per call. With several calls
 * the fragments are interleaved round-robin, which clients must merge by `index`.
 */
function toolCallSteps(turn: Turn): StreamStep[] {
  const queues = turn.toolCalls.map((call, index) => [
    { index, id: call.id, type: 'function' as const, function: { name: call.name, arguments: '' } },
    ...tokenize(call.arguments).map((fragment) => ({ index, function: { arguments: fragment } })),
  ]);
  const steps: StreamStep[] = [];
  for (let round = 0; queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) {
      const delta = queue[round];
      if (delta) steps.push({ delta: { tool_calls: [delta] }, token: round > 0 });
    }
  }
  return steps;
}

export function chunkOf(
  rendered: RenderedTurn,
  choices: ChatCompletionChunk['choices'],
  extra: Partial<ChatCompletionChunk> = {},
): ChatCompletionChunk {
  return {
    id: rendered.id,
    object: 'chat.completion.chunk',
    created: rendered.created,
    model: rendered.model,
    provider: rendered.provider,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...extra,
  };
}
