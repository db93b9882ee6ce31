import { Allow, parse } from 'partial-json';

/** The arguments of a tool call as far as they can be read: a value, or the raw text when not JSON. */
export type ParsedArguments = { kind: 'json'; value: unknown } | { kind: 'text'; text: string };

/**
 * Reads tool-call arguments that may still be streaming (`{"city": "Lis`), leniently: partial
 * strings, objects and arrays are closed where they stop. Text that is not JSON at all is kept raw.
 */
export function parsePartialToolArguments(text: string): ParsedArguments {
  if (text.trim() === '') return { kind: 'text', text: '' };
  try {
    return { kind: 'json', value: parse(text, Allow.ALL) as unknown };
  } catch {
    return { kind: 'text', text };
  }
}

/** Pretty-prints a tool result when it is JSON, otherwise returns it unchanged. */
export function formatToolResult(result: string): string {
  try {
    return JSON.stringify(JSON.parse(result), null, 2);
  } catch {
    return result;
  }
}
