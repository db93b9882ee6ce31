/**
 * The tool side of a chat's round loop: starting the calls of a finished reply (parse, check,
 * approve, run in parallel, hand over to the app), and the limits that stop the loop.
 */
import type { ChatToolCallUpdate } from './chat-events.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import {
  type ChatTool,
  errorMessage,
  parseToolArguments,
  serializeToolResult,
  toolErrorContent,
} from './chat-tools.ts';
import type { ChatMessage, ChatNotice, ChatToolCall } from './chat-types.ts';

// Five rounds covers lookup-then-answer flows with room to spare, and stops a model that loops.
const DEFAULT_MAX_TOOL_ROUNDS = 5;

/** One job's cancellation: its request and its executors share the controller. */
export interface ChatRun {
  controller: AbortController;
  stopped: boolean;
}

/** A call failed for `error`, as the UI shows it and the model reads it. */
export function failedUpdate(call: ChatToolCall, error: string): ChatToolCallUpdate {
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
export function limitNotice(state: ChatState, options: ChatStoreOptions): ChatNotice | undefined {
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

/** What the tool rounds need from the store. */
export interface ToolRoundsContext {
  options: ChatStoreOptions;
  update(messageId: string, updates: ChatToolCallUpdate[]): void;
}

/** The result of looking at one call: work to await, a wait for the user or app, or neither. */
type CallOutcome = (() => Promise<void>) | 'waiting' | undefined;

/** Starting and finishing tool calls, bound to a store. */
export function createToolRounds({ options, update }: ToolRoundsContext) {
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
    if (call.state !== 'awaiting-result') updates.push({ id: call.id, state: 'awaiting-result' });
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

  return {
    /**
     * Starts the calls of a finished reply, running executors in parallel; resolves once they are
     * done (or the run is stopped) with whether some calls wait for the user or the app.
     */
    async start(current: ChatRun, message: ChatMessage): Promise<boolean> {
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
      await Promise.race([
        Promise.all(work.map((begin) => begin())),
        untilAborted(current.controller.signal),
      ]);
      return waiting;
    },

    /** Runs an approved call; resolves when it has settled or waits for the app. */
    async approve(current: ChatRun, message: ChatMessage, call: ChatToolCall): Promise<void> {
      const updates: ChatToolCallUpdate[] = [];
      const outcome = proceed(current, message, call, updates);
      update(message.id, updates);
      if (typeof outcome === 'function') await outcome();
    },
  };
}
