/**
 * Tools and tool rounds: declaring tools, turning results and failures into the text the model
 * reads next, and the answers of the app and the user to waiting calls. Two parts are modules of
 * their own, loaded on demand: running the calls of a finished reply (`chat-tool-calls.ts`: parse,
 * check, approve, run in parallel, hand over to the app), and the requests with the loop of rounds
 * around them (`chat-request.ts`: request, run the calls, request again, within the limits).
 */
import { onDemand } from '../on-demand.ts';
import type { ToolDefinition } from '../wire-types.ts';
import type { ChatToolCallUpdate } from './chat-events.ts';
import { type ChatContext, type ChatRun, type RunQueue, safely } from './chat-runner.ts';
import { lastAssistantMessage } from './chat-selectors.ts';
import type { ToolCallRunner } from './chat-tool-calls.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
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

/** Whether a call waits for the user (an approval) or the app (a result), so the chat cannot go on by itself. */
export function waitsForAnswer(call: ChatToolCall): boolean {
  return call.state === 'awaiting-approval' || call.state === 'awaiting-result';
}

/** A call failed for `error`, as the UI shows it and the model reads it. */
export function failedUpdate(call: ChatToolCall, error: string): ChatToolCallUpdate {
  return { id: call.id, state: 'failed', error, result: toolErrorContent(error) };
}

/** What the loop of rounds (`chat-request.ts`) uses of one store's tool rounds. */
export interface ChatToolRounds {
  context: ChatContext;
  /** Records changes to calls of message `messageId`. */
  update(messageId: string, updates: ChatToolCallUpdate[]): void;
  /**
   * Starts the calls of a finished reply; resolves once those that run are done. The loop then reads
   * the calls' states (some may wait for the app or the user).
   */
  startCalls(current: ChatRun, reply: ChatMessage): Promise<void>;
  /**
   * Claims the request that follows the calls of reply `replyId`: true once per reply. The loop and
   * the answer that settles the last call may both find every call settled; only one goes on.
   */
  claimFollowUp(replyId: string): boolean;
}

// The requests' code: one load for every store of the page, started as the first is made so that it is
// there before anyone sends (a page that opens conversation after conversation makes a store for each);
// a failed download is tried again by the next store or send.
const loadRequests = onDemand(() => import('./chat-request.ts'));

/** The tool rounds of one store: the loop, running calls, and the user's and app's answers to them. */
export function createToolRounds({ context, queue }: { context: ChatContext; queue: RunQueue }) {
  const { options, chat } = context;
  function update(messageId: string, updates: ChatToolCallUpdate[]): void {
    if (updates.length > 0)
      chat.dispatch({ type: 'tool-calls-update', messageId, updates, at: context.now() });
  }

  // Running calls (argument checks against JSON Schema, executors, approval): loaded at once when the
  // chat has tools, else when a reply first asks for one; a failed download is tried again by the next.
  let runner: ToolCallRunner | undefined;
  const loadRunner = onDemand(() =>
    import('./chat-tool-calls.ts').then(
      ({ createToolCallRunner }) => (runner = createToolCallRunner(context, update)),
    ),
  );
  if (options.tools || options.onToolCall) void loadRunner().catch(() => undefined);
  void loadRequests().catch(() => undefined);
  let followedUp: string | undefined;
  const rounds: ChatToolRounds = {
    context,
    update,
    startCalls: async (current, reply) => (runner ?? (await loadRunner())).start(current, reply),
    claimFollowUp(replyId) {
      if (followedUp === replyId) return false;
      followedUp = replyId;
      return true;
    },
  };

  /** Requests a reply into `firstId` (or a new message), and goes on with tool rounds while they settle. */
  async function runLoop(current: ChatRun, firstId?: string): Promise<void> {
    let requests: typeof import('./chat-request.ts');
    try {
      requests = await loadRequests();
    } catch (error) {
      // The request code did not download (offline, a redeployed site): the send fails as a network
      // failure would, and retry() tries the download again.
      if (current.stopped) return;
      const message = error instanceof Error ? error.message : String(error);
      chat.dispatch({ type: 'request-error', error: { kind: 'network', message }, at: context.now() });
      safely(() => options.onError?.(error));
      return;
    }
    await requests.runLoop(rounds, current, firstId);
  }

  /**
   * After an answer to a call of reply `messageId`: once no call waits for the user or the app, the
   * chat is busy again (calls still running, then the next request), not waiting.
   */
  function resumeIfAnswered(messageId: string): void {
    const message = lastAssistantMessage(chat.current());
    if (message?.id === messageId && !message.toolCalls?.some(waitsForAnswer)) {
      chat.dispatch({ type: 'tools-resume' });
    }
  }

  /** Continues the loop once the app or the user settled the last waiting call. */
  function continueIfSettled(current: ChatRun, messageId: string): void {
    chat.publish();
    if (current.stopped || !queue.isCurrent(current)) return;
    const message = lastAssistantMessage(chat.current());
    if (message?.id !== messageId || message.toolCalls?.some(isPendingToolCall)) return;
    if (!rounds.claimFollowUp(messageId)) return;
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
      resumeIfAnswered(found.message.id);
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
        resumeIfAnswered(message.id);
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
      resumeIfAnswered(found.message.id);
      continueIfSettled(found.current, found.message.id);
    },
  };
}
