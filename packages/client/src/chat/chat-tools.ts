/**
 * The tool side of the chat: declaring tools, checking what the model asked for, and turning
 * results and failures into the text the model reads next.
 */
import type { ToolDefinition } from '../wire-types.ts';
import type { ChatToolCall } from './chat-types.ts';
import { type JsonSchema, validateJsonSchema } from './validate-json-schema.ts';

/** What a tool executor receives besides its arguments. */
export interface ChatToolContext {
  /** Aborted when the user stops the chat or moves on; pass it to fetch and timers. */
  signal: AbortSignal;
  toolCallId: string;
}

/** A tool the model may call. */
export interface ChatTool {
  description?: string;
  /** A JSON Schema object for the arguments; arguments that break it never reach `execute`. */
  parameters: JsonSchema;
  /**
   * Runs the tool. Its return value (a string as is, anything else as JSON) goes back to the model;
   * a throw becomes a tool message describing the error. Without `execute`, the call waits for
   * `addToolResult` (or an `onToolCall` that returns a value).
   */
  execute?: (args: unknown, context: ChatToolContext) => unknown | Promise<unknown>;
  /** Wait for `approveToolCall` or `denyToolCall` before running. */
  needsApproval?: boolean;
}

/** The wire `tools` of a request. */
export function toToolDefinitions(tools: Record<string, ChatTool>): ToolDefinition[] {
  return Object.entries(tools).map(([name, tool]) => {
    const definition: ToolDefinition = { type: 'function', function: { name, parameters: tool.parameters } };
    if (tool.description !== undefined) definition.function.description = tool.description;
    return definition;
  });
}

/** What checking a call's arguments found: the parsed arguments, or why they cannot be used. */
export type ParsedToolArguments = { ok: true; args: unknown } | { ok: false; error: string };

/** Parses a call's streamed argument text and checks it against the tool's schema. */
export function parseToolArguments(call: ChatToolCall, tool: ChatTool): ParsedToolArguments {
  let args: unknown;
  try {
    // Some models send no text at all for a tool without parameters.
    args = call.argumentsText.trim() === '' ? {} : JSON.parse(call.argumentsText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The arguments of ${call.name} are not valid JSON (${reason}).` };
  }
  const issues = validateJsonSchema(tool.parameters, args);
  if (issues.length === 0) return { ok: true, args };
  const list = issues.map((issue) => `${issue.path} ${issue.message}`).join('; ');
  return { ok: false, error: `The arguments of ${call.name} do not match its schema: ${list}.` };
}

/** A tool's return value as the text of a tool message. */
export function serializeToolResult(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A failure as the model reads it. */
export function toolErrorContent(message: string): string {
  return `Error: ${message}`;
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : String(error);
}

/** Whether a call still waits for something (arguments, approval, a result or its executor). */
export function isPendingToolCall(call: ChatToolCall): boolean {
  return (
    call.state === 'streaming-arguments' ||
    call.state === 'awaiting-approval' ||
    call.state === 'awaiting-result' ||
    call.state === 'running'
  );
}
