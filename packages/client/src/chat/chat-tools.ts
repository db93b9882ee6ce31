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
import type { ToolCallRunner } from './chat-tool-calls.ts';
import type { ChatMessage, ChatNotice, ChatToolCall } from './chat-types.ts';
import type { JsonSchema } from './validate-json-schema.ts';

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
export function failedUpdate(call: ChatToolCall, error: string): ChatToolCallUpdate {
  return { id: call.id, state: 'failed', error, result: toolErrorContent(error) };
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

/** The tool rounds of one store: the loop, running calls, and the user's and app's answers to them. */
export function createToolRounds({ context, queue, request }: ToolRoundsContext) {
  const { options, chat } = context;
  function update(messageId: string, updates: ChatToolCallUpdate[]): void {
    if (updates.length > 0)
      chat.dispatch({ type: 'tool-calls-update', messageId, updates, at: context.now() });
  }

  // Running calls (argument checks against JSON Schema, executors, approval) is a module of its own: loaded
  // at once when the chat has tools, else when a reply first asks for one.
  let runner: ToolCallRunner | undefined;
  let loading: Promise<ToolCallRunner> | undefined;
  function loadRunner(): Promise<ToolCallRunner> {
    loading ??= import('./chat-tool-calls.ts').then(
      ({ createToolCallRunner }) => (runner = createToolCallRunner(context, update)),
    );
    // A failed download is tried again by the next reply with calls.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  }
  if (options.tools || options.onToolCall) void loadRunner().catch(() => undefined);

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
      const waiting = await (runner ?? (await loadRunner())).start(current, reply);
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
      const approve = ({ proceed }: ToolCallRunner) => {
        // Checked again when the runner had to load first: the call may have been answered meanwhile.
        const { message, call, current } = findCall(toolCallId, ['awaiting-approval']) ?? {};
        if (!message || !call || !current) return;
        const updates: ChatToolCallUpdate[] = [];
        const outcome = proceed(current, message, call, updates);
        update(message.id, updates);
        void (typeof outcome === 'function' ? outcome() : Promise.resolve()).then(() =>
          continueIfSettled(current, message.id),
        );
      };
      // Loaded whenever the chat has tools; a restored call of a chat without them loads it now.
      if (runner) approve(runner);
      else void loadRunner().then(approve, () => undefined);
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
