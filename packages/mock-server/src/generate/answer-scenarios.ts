import type { Scenario } from '../scenarios/parse.ts';
import { tokenize } from './tokens.ts';
import type { Turn } from './turn.ts';

// The wording OpenAI's models use when they decline; fixed so tests and stories can look for it.
const REFUSAL_TEXT = "I'm sorry, but I can't help with that request.";

/**
 * Applies the `answer` scenarios to what the model decided to say: `refusal` replaces the answer
 * (and any tool calls) with a refusal; `content-filter` cuts the content after `after` tokens and
 * ends with `finish_reason: "content_filter"`, as a provider's output filter does.
 */
export function applyAnswerScenarios(turn: Turn, scenarios: readonly Scenario[]): Turn {
  let next = turn;
  for (const scenario of scenarios) {
    if (scenario.name === 'refusal') {
      const { annotations: _dropped, ...rest } = next;
      next = {
        ...rest,
        content: [],
        toolCalls: [],
        refusal: tokenize(scenario.message ?? REFUSAL_TEXT),
        finishReason: 'stop',
      };
    } else if (scenario.name === 'content-filter') {
      const content = next.content.slice(0, scenario.after);
      const end = content.join('').length;
      next = {
        ...next,
        content,
        toolCalls: [],
        finishReason: 'content_filter',
        ...(next.annotations
          ? { annotations: next.annotations.filter((item) => item.url_citation.end_index <= end) }
          : {}),
      };
    }
  }
  return next;
}
