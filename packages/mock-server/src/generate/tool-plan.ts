import type { ToolDefinition } from '@parley/client';
import { wordsOf } from './conversation.ts';
import type { TextHints } from './text-hints.ts';

const IGNORED = new Set([
  'get',
  'set',
  'the',
  'and',
  'for',
  'with',
  'from',
  'tool',
  'function',
  'call',
  'use',
  'run',
  'this',
  'that',
  'your',
  'given',
  'return',
  'returns',
]);
// Parallel calls of one tool for several places, as in "the weather in Paris and Rome".
const MAX_CALLS_PER_TOOL = 4;
const PLACE_PROPERTY = /(city|location|place|destination|country|region|town|address)/i;

/** A call the model means to make: which tool, and which place or item it is about. */
export interface PlannedCall {
  tool: ToolDefinition;
  /** Picks the n-th place / name from the message for this call's arguments. */
  index: number;
}

/** The words a tool is known by: its name split at `_`, `-` and camelCase, and its description. */
function toolWords(tool: ToolDefinition): Set<string> {
  const name = tool.function.name.replace(/([a-z])([A-Z])/g, '$1 $2');
  const words = [...wordsOf(name), ...wordsOf(tool.function.description ?? '')];
  return new Set(words.filter((word) => word.length >= 3 && !IGNORED.has(word)).map(stem));
}

function stem(word: string): string {
  return word.replace(/(ing|es|s)$/, '');
}

/** How well a tool fits the message: shared words, or 10 when the message names the tool. */
export function fitScore(tool: ToolDefinition, text: string): number {
  if (text.toLowerCase().includes(tool.function.name.toLowerCase())) return 10;
  const known = toolWords(tool);
  return new Set(
    wordsOf(text)
      .map(stem)
      .filter((word) => known.has(word)),
  ).size;
}

/**
 * The calls that serve a message: every tool that fits it, and one call per place when a tool
 * takes a place and the message names several. Order follows the offered tools.
 */
export function planCalls(tools: readonly ToolDefinition[], hints: TextHints): PlannedCall[] {
  const calls: PlannedCall[] = [];
  for (const tool of tools) {
    if (fitScore(tool, hints.text) === 0) continue;
    const properties = Object.keys((tool.function.parameters?.properties ?? {}) as Record<string, unknown>);
    const perPlace = properties.some((property) => PLACE_PROPERTY.test(property)) ? hints.places.length : 1;
    const count = Math.min(Math.max(perPlace, 1), MAX_CALLS_PER_TOOL);
    for (let index = 0; index < count; index++) calls.push({ tool, index });
  }
  return calls;
}

/**
 * Splits the calls into rounds: one round of parallel calls, one call per round when parallel
 * calls are off, or `rounds` rounds when a `parley_rounds` hint asks for more (calls repeat to fill them).
 */
export function toRounds(calls: PlannedCall[], parallel: boolean, rounds: number | null): PlannedCall[][] {
  if (calls.length === 0) return [];
  if (rounds === null) return parallel ? [calls] : calls.map((call) => [call]);
  const groups: PlannedCall[][] = Array.from({ length: rounds }, () => []);
  const total = Math.max(rounds, parallel ? calls.length : rounds);
  for (let position = 0; position < total; position++) {
    const call = calls[position % calls.length] as PlannedCall;
    groups[position % rounds]?.push({
      tool: call.tool,
      index: call.index + Math.floor(position / calls.length),
    });
  }
  return groups;
}

/** `parley_rounds=N` in metadata or in the message text: how many rounds of tool calls to make. */
export function roundsHint(metadata: Record<string, string> | undefined, text: string): number | null {
  const raw = metadata?.parley_rounds ?? /\bparley_rounds\s*[=:]\s*(\d+)/i.exec(text)?.[1];
  const rounds = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(rounds) && rounds >= 1 ? Math.min(rounds, 10) : null;
}
