/**
 * Running the calls of a reply: parsing and checking their arguments against the tool's JSON Schema,
 * approval, executors in parallel, handing calls over to the app. A chat store loads this module when a
 * reply first asks for a tool (or at once when it is given tools), so a chat without tools never
 * downloads it.
 */
import type { ChatToolCallUpdate } from './chat-events.ts';
import type { ChatContext, ChatRun } from './chat-runner.ts';
import { type ChatTool, failedUpdate, serializeToolResult } from './chat-tools.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { validateJsonSchema } from './validate-json-schema.ts';

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

/** The message of anything thrown. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : String(error);
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The result of looking at one call: work to await, a wait for the user or app, or neither. */
type CallOutcome = (() => Promise<void>) | 'waiting' | undefined;

/** Starts and proceeds with the calls of one store's replies (see `createToolRounds`). */
export interface ToolCallRunner {
  /**
   * Starts the calls of a finished reply, running executors in parallel; resolves once they are
   * done (or the run is stopped). Calls that wait for the user or the app are marked so first.
   */
  start(current: ChatRun, message: ChatMessage): Promise<void>;
  /** Runs, hands over or fails one call whose approval (if any) is given. */
  proceed(
    current: ChatRun,
    message: ChatMessage,
    call: ChatToolCall,
    updates: ChatToolCallUpdate[],
  ): CallOutcome;
}

/** The runner of one store: `update` applies call updates to its state. */
export function createToolCallRunner(
  context: ChatContext,
  update: (messageId: string, updates: ChatToolCallUpdate[]) => void,
): ToolCallRunner {
  const { options } = context;
  async function execute(current: ChatRun, messageId: string, call: ChatToolCall, work: () => unknown) {
    try {
      const value = await work();
      if (!current.stopped)
        update(messageId, [{ id: call.id, state: 'done', result: serializeToolResult(value) }]);
    } catch (error) {
      if (!current.stopped) update(messageId, [failedUpdate(call, errorMessage(error))]);
    }
  }

  /** A call with no executor goes to `onToolCall`: a value answers it, a promise runs, nothing waits. */
  function handOver(
    current: ChatRun,
    message: ChatMessage,
    call: ChatToolCall,
    args: unknown,
    updates: ChatToolCallUpdate[],
  ): CallOutcome {
    let answer: unknown;
    try {
      answer = options.onToolCall?.({ toolCall: call, args, messageId: message.id });
    } catch (error) {
      updates.push(failedUpdate(call, errorMessage(error)));
      return undefined;
    }
    if (answer instanceof Promise) {
      updates.push({ id: call.id, state: 'running' });
      return () => execute(current, message.id, call, () => answer);
    }
    if (answer !== undefined) {
      updates.push({ id: call.id, state: 'done', result: serializeToolResult(answer) });
      return undefined;
    }
    // Pushed even when the state stays the same: handing the call over is when it starts to run.
    updates.push({ id: call.id, state: 'awaiting-result' });
    return 'waiting';
  }

  /** Runs, hands over or fails one call whose approval (if any) is given. */
  function proceed(
    current: ChatRun,
    message: ChatMessage,
    call: ChatToolCall,
    updates: ChatToolCallUpdate[],
  ): CallOutcome {
    const tools: Record<string, ChatTool> = options.tools ?? {};
    const tool = Object.hasOwn(tools, call.name) ? tools[call.name] : undefined;
    if (!tool && !options.onToolCall) {
      updates.push(failedUpdate(call, `There is no tool named "${call.name}".`));
      return undefined;
    }
    const parsed = parseToolArguments(call, tool ?? { parameters: {} });
    if (!parsed.ok) {
      updates.push(failedUpdate(call, parsed.error));
      return undefined;
    }
    const executeTool = tool?.execute;
    if (!executeTool) return handOver(current, message, call, parsed.args, updates);
    updates.push({ id: call.id, state: 'running' });
    return () =>
      execute(current, message.id, call, () =>
        executeTool(parsed.args, { signal: current.controller.signal, toolCallId: call.id }),
      );
  }

  /**
   * Starts the calls of a finished reply, running executors in parallel; resolves once they are
   * done (or the run is stopped). Calls that wait for the user or the app are marked so first.
   */
  async function start(current: ChatRun, message: ChatMessage): Promise<void> {
    const updates: ChatToolCallUpdate[] = [];
    const work: (() => Promise<void>)[] = [];
    let waiting = false;
    for (const call of message.toolCalls ?? []) {
      if (call.state !== 'awaiting-result') continue;
      if (options.tools?.[call.name]?.needsApproval && Object.hasOwn(options.tools, call.name)) {
        updates.push({ id: call.id, state: 'awaiting-approval' });
        waiting = true;
        continue;
      }
      const outcome = proceed(current, message, call, updates);
      if (outcome === 'waiting') waiting = true;
      else if (outcome) work.push(outcome);
    }
    update(message.id, updates);
    // The user or the app is asked now, not once the other calls of the round have run.
    if (waiting) context.chat.dispatch({ type: 'tools-await' });
    // An executor that ignores its signal must not hold the queue once the user stopped.
    await Promise.race([Promise.all(work.map((begin) => begin())), untilAborted(current.controller.signal)]);
  }

  return { start, proceed };
}
