import type { ToolDefinition } from '@parley/client';
import { lastUserText, plural, quote, roundsSinceLastUser } from './conversation.ts';
import { describeConversation } from './echo.ts';
import { hexDigest } from './prng.ts';
import { sampleFromSchema } from './schema-sample.ts';
import { hintsFrom, type TextHints } from './text-hints.ts';
import { tokenize } from './tokens.ts';
import { type PlannedCall, planCalls, roundsHint, toRounds } from './tool-plan.ts';
import { describeResults } from './tool-results.ts';
import { type GenerationContext, type ToolCallOutput, type Turn, textTurn } from './turn.ts';

/**
 * `parley/tool-caller`: calls the offered tools that fit the last user message (in parallel
 * when several fit, one per round when `parallel_tool_calls` is false, or over `parley_rounds`
 * rounds), then answers from their results, acknowledging failures. `tool_choice` is honoured:
 * `none` answers in text, `required` and a named function force a call on every request, as
 * OpenAI's models do.
 */
export function generateToolCaller(context: GenerationContext): Turn {
  const { params } = context;
  const tools = params.tools ?? [];
  const choice = params.tool_choice ?? 'auto';
  const user = lastUserText(params.messages);
  const hints = hintsFrom(user);
  const previous = roundsSinceLastUser(params.messages);

  if (tools.length === 0) {
    return textTurn(
      `No tools were offered, so there is nothing for me to call. ${describeConversation(params.messages, context.rng)}`,
    );
  }
  if (choice === 'none')
    return answer(context, previous, `tool_choice is "none", so I answer without calling ${names(tools)}.`);

  if (typeof choice === 'object') {
    const tool = tools.find((item) => item.function.name === choice.function.name) as ToolDefinition;
    return callTurn(context, [{ tool, index: previous.length }], hints, previous.length);
  }
  const planned = planCalls(tools, hints);
  const rounds = toRounds(planned, params.parallel_tool_calls !== false, roundsHint(params.metadata, user));
  const next = rounds[previous.length];
  if (next && next.length > 0) return callTurn(context, next, hints, previous.length);
  if (choice === 'required') {
    const fallback = planned[0]?.tool ?? (tools[0] as ToolDefinition);
    return callTurn(context, [{ tool: fallback, index: previous.length }], hints, previous.length);
  }
  if (previous.length === 0) {
    return answer(
      context,
      previous,
      `None of the offered tools (${names(tools)}) fits your message, so I answer directly.`,
    );
  }
  return answer(context, previous, '');
}

function names(tools: readonly ToolDefinition[]): string {
  return tools.map((tool) => tool.function.name).join(', ');
}

function callTurn(context: GenerationContext, calls: PlannedCall[], hints: TextHints, round: number): Turn {
  const toolCalls: ToolCallOutput[] = calls.map((call, position) => {
    const rng = context.rng.fork(`call:${round}:${position}`);
    const value = call.tool.function.parameters
      ? sampleFromSchema(call.tool.function.parameters, shift(hints, call.index), rng)
      : {};
    return {
      id: `call_${hexDigest(`${round}:${position}:${call.tool.function.name}:${rng.next()}`, 24)}`,
      name: call.tool.function.name,
      arguments: JSON.stringify(value ?? {}),
    };
  });
  const preface =
    toolCalls.length === 1
      ? `Let me call ${toolCalls[0]?.name}.`
      : `Let me call ${plural(toolCalls.length, 'tool')} at once: ${toolCalls.map((call) => call.name).join(', ')}.`;
  return { reasoning: null, content: tokenize(preface), toolCalls, finishReason: 'tool_calls' };
}

/** Rotates the hints so the n-th parallel call of a tool takes the n-th place or name. */
function shift(hints: TextHints, index: number): TextHints {
  const rotate = <T>(items: T[]) =>
    items.length === 0
      ? items
      : [...items.slice(index % items.length), ...items.slice(0, index % items.length)];
  return {
    ...hints,
    places: rotate(hints.places),
    names: rotate(hints.names),
    numbers: rotate(hints.numbers),
  };
}

function answer(
  context: GenerationContext,
  previous: ReturnType<typeof roundsSinceLastUser>,
  lead: string,
): Turn {
  const user = lastUserText(context.params.messages);
  if (previous.length === 0)
    return textTurn(`${lead} ${describeConversation(context.params.messages, context.rng)}`.trim());
  const lines = describeResults(previous);
  const calls = previous.reduce((sum, round) => sum + round.results.length, 0);
  const closing = `That was ${plural(previous.length, 'round')} and ${plural(calls, 'tool call')} for your message ${quote(user, 12)}.`;
  return textTurn([lead, ...lines, closing].filter(Boolean).join('\n\n'));
}
