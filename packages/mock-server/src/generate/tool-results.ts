import { type ToolRound, textOf } from './conversation.ts';

/** Whether a tool result reports a failure: `{"error": ...}`, `is_error`, `status: "error"`, or text starting "Error". */
export function errorOf(content: string): string | null {
  const text = content.trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      if (record.error) return typeof record.error === 'string' ? record.error : JSON.stringify(record.error);
      if (record.is_error === true || record.status === 'error')
        return String(record.message ?? 'the tool failed');
    }
  } catch {
    // Plain text results are fine; only the prefix check below applies.
  }
  return /^(error|exception|failed|failure)\b/i.test(text) ? text : null;
}

/** A short account of what a tool returned: its first fields for JSON, a quote for text. */
export function summariseResult(content: string): string {
  const text = content.trim();
  if (text === '') return 'nothing';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed as Record<string, unknown>).slice(0, 4);
      return entries
        .map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', ');
    }
    if (Array.isArray(parsed)) return `${parsed.length} item${parsed.length === 1 ? '' : 's'}`;
    return String(parsed);
  } catch {
    return `“${text.length > 120 ? `${text.slice(0, 120)}…` : text}”`;
  }
}

/** One sentence per call of every round since the user spoke: what came back, or the failure it reported. */
export function describeResults(rounds: ToolRound[]): string[] {
  return rounds
    .flatMap((round) => round.results)
    .map(({ call, message }) => {
      const content = textOf(message?.content);
      const failure = errorOf(content);
      const args =
        call.function.arguments.length > 60
          ? `${call.function.arguments.slice(0, 60)}…`
          : call.function.arguments;
      if (failure !== null) {
        return `The tool ${call.function.name} failed (${failure.slice(0, 160)}), so I cannot give you that part of the answer.`;
      }
      return `${call.function.name}(${args}) returned ${summariseResult(content)}.`;
    });
}
