/**
 * Tools and tool rounds, in one place: declaring tools, checking what the model asked for, running
 * the calls of a finished reply (parse, check, approve, run in parallel, hand over to the app),
 * turning results and failures into the text the model reads next, the limits that stop the loop,
 * and the loop itself (request, run the calls, request again).
 */
import type { ToolDefinition } from '../wire-types.ts';
import type { ChatToolCallUpdate } from './chat-events.ts';
import type { ChatContext, ChatRun, RunQueue } from './chat-runner.ts';
import { lastAssistantMessage } from './chat-selectors.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatMessage, ChatNotice, ChatToolCall } from './chat-types.ts';
import { type JsonSchema, validateJsonSchema } from './validate-json-schema.ts';

/** What a tool executor receives besides its arguments. */
export interface ChatToolContext {
  /** Aborted when the user stops the chat or moves on; pass it to fetch and timers. */
  signal: AbortSignal;
  toolCallId: string;
}

/** A tool the model may call. */
export interface ChatTool {
  description?: string | undefined;
  /** A JSON Schema object for the arguments; arguments that break it never reach `execute`. */
  parameters: JsonSchema;
  /**
   * Runs the tool. Its return value (a string as is, anything else as JSON) goes back to the model;
   * a throw becomes a tool message describing the error. Without `execute`, the call waits for
   * `addToolResult` (or an `onToolCall` that returns a value).
   */
  execute?: ((args: unknown, context: ChatToolContext) => unknown | Promise<unknown>) | undefined;
  /** Wait for `approveToolCall` or `denyToolCall` before running. */
  needsApproval?: boolean | undefined;
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
function toolErrorContent(message: string): string {
  return `Error: ${message}`;
}

/** The message of anything thrown. */
function errorMessage(error: unknown): string {
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

// Five rounds covers lookup-then-answer flows with room to spare, and stops a model that loops.
const DEFAULT_MAX_TOOL_ROUNDS = 5;

/** A call failed for `error`, as the UI shows it and the model reads it. */
function failedUpdate(call: ChatToolCall, error: string): ChatToolCallUpdate {
  return { id: call.id, state: 'failed', error, result: toolErrorContent(error) };
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Why the loop must not run the calls of the last reply: more than `maxToolRounds` replies with
 * calls since the last user message, or replies since then costing more than `maxCost`.
 */
function limitNotice(state: ChatState, options: ChatStoreOptions): ChatNotice | undefined {
  let rounds = 0;
  let cost = 0;
  for (let index = state.messageIds.length - 1; index >= 0; index--) {
    const message = state.messagesById[state.messageIds[index]!];
    if (!message) continue;
    if (message.role === 'user') break;
    if (message.role !== 'assistant') continue;
    if (message.status === 'complete' && message.toolCalls && message.toolCalls.length > 0) rounds += 1;
    cost += message.usage?.cost ?? 0;
  }
  const maxRounds = options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS;
  if (rounds > maxRounds) {
    return {
      code: 'max-tool-rounds',
      message: `Stopped after ${maxRounds} tool rounds (maxToolRounds); these calls did not run. Send a message to continue.`,
    };
  }
  if (options.maxCost !== undefined && cost > options.maxCost) {
    return {
      code: 'cost-budget',
      // Summed floats print as 0.12000000000000001; six significant digits is what a person reads.
      message: `Stopped: the replies since your message cost ${Number(cost.toPrecision(6))}, over the budget of ${options.maxCost} (maxCost); these calls did not run.`,
    };
  }
  return undefined;
}

/** What the tool rounds need from the store: its context, its job queue, and how to send one request. */
export interface ToolRoundsContext {
  context: ChatContext;
  queue: RunQueue;
  request(run: ChatRun, messageId: string): Promise<ChatMessage | undefined>;
}

/** The result of looking at one call: work to await, a wait for the user or app, or neither. */
type CallOutcome = (() => Promise<void>) | 'waiting' | undefined;

/** The tool rounds of one store: the loop, running calls, and the user's and app's answers to them. */
export function createToolRounds({ context, queue, request }: ToolRoundsContext) {
  const { options, chat } = context;
  function update(messageId: string, updates: ChatToolCallUpdate[]): void {
    if (updates.length > 0)
      chat.dispatch({ type: 'tool-calls-update', messageId, updates, at: context.now() });
  }

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
   * done (or the run is stopped) with whether some calls wait for the user or the app.
   */
  async function start(current: ChatRun, message: ChatMessage): Promise<boolean> {
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
    // An executor that ignores its signal must not hold the queue once the user stopped.
    await Promise.race([Promise.all(work.map((begin) => begin())), untilAborted(current.controller.signal)]);
    return waiting;
  }

  /** Requests a reply into `firstId` (or a new message), runs its calls, and goes on while they settle. */
  async function runLoop(current: ChatRun, firstId?: string): Promise<void> {
    let messageId = firstId ?? context.newId();
    for (;;) {
      const reply = await request(current, messageId);
      if (!reply?.toolCalls || reply.toolCalls.length === 0 || current.stopped) return;
      const notice = limitNotice(chat.current(), options);
      if (notice) {
        update(
          reply.id,
          reply.toolCalls.filter(isPendingToolCall).map((call) => failedUpdate(call, notice.message)),
        );
        chat.dispatch({ type: 'tools-end', messageId: reply.id, notice });
        return;
      }
      const waiting = await start(current, reply);
      if (current.stopped) return;
      if (waiting) {
        chat.dispatch({ type: 'tools-await' });
        return;
      }
      messageId = context.newId();
    }
  }

  /** Continues the loop once the app or the user settled the last waiting call. */
  function continueIfSettled(current: ChatRun, messageId: string): void {
    chat.publish();
    if (current.stopped || !queue.isCurrent(current)) return;
    const message = lastAssistantMessage(chat.current());
    if (message?.id !== messageId || message.toolCalls?.some(isPendingToolCall)) return;
    void queue.enqueue('', (next) => runLoop(next));
  }

  /** The last reply's call `toolCallId` when it is in one of `states`, with the run it belongs to. */
  function findCall(toolCallId: string, states: readonly ChatToolCall['state'][]) {
    if (queue.destroyed) return undefined;
    const message = lastAssistantMessage(chat.current());
    const call = message?.toolCalls?.find((candidate) => candidate.id === toolCallId);
    if (!message || !call || !states.includes(call.state)) return undefined;
    return { message, call, current: queue.ensureRun() };
  }

  return {
    runLoop,

    /** Fails the last reply's calls that are pending (or only those running, with `runningOnly`). */
    settlePendingCalls(reason: string, runningOnly = false): void {
      const message = lastAssistantMessage(chat.current());
      if (!message) return;
      const pending = (message.toolCalls ?? []).filter((call) =>
        runningOnly ? call.state === 'running' : isPendingToolCall(call),
      );
      update(
        message.id,
        pending.map((call) => failedUpdate(call, reason)),
      );
    },

    addToolResult(toolCallId: string, result: unknown): void {
      const found = findCall(toolCallId, ['awaiting-result']);
      if (!found) return;
      update(found.message.id, [{ id: toolCallId, state: 'done', result: serializeToolResult(result) }]);
      continueIfSettled(found.current, found.message.id);
    },

    approveToolCall(toolCallId: string): void {
      const found = findCall(toolCallId, ['awaiting-approval']);
      if (!found) return;
      const { message, call, current } = found;
      const updates: ChatToolCallUpdate[] = [];
      const outcome = proceed(current, message, call, updates);
      update(message.id, updates);
      void (typeof outcome === 'function' ? outcome() : Promise.resolve()).then(() =>
        continueIfSettled(current, message.id),
      );
    },

    denyToolCall(toolCallId: string, reason?: string): void {
      const found = findCall(toolCallId, ['awaiting-approval']);
      if (!found) return;
      const error = reason ? `The user denied this tool call: ${reason}` : 'The user denied this tool call.';
      update(found.message.id, [{ id: toolCallId, state: 'denied', error, result: error }]);
      continueIfSettled(found.current, found.message.id);
    },
  };
}
