/**
 * A chat's requests, loaded on demand (the store starts loading this module when it is created, so
 * it is there before anyone sends): one request, from the conversation to a streamed reply, and the
 * loop of tool rounds around it (request, run the calls, request again, within the limits).
 */
import { ParleyInvalidRequestError, ParleyStreamError, toChatErrorInfo } from '../errors.ts';
import { type ChatDeltaEvent, type ChatEvent, chunkToEvents } from './chat-events.ts';
import { parseRouteHeader, ROUTE_HEADER } from './chat-route.ts';
import { type ChatContext, type ChatRun, safely } from './chat-runner.ts';
import { selectMessages } from './chat-selectors.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import { type ChatToolRounds, failedUpdate, isPendingToolCall, waitsForAnswer } from './chat-tools.ts';
import type { ChatMessage, ChatNotice } from './chat-types.ts';
import { toRequestBody } from './to-request-messages.ts';

/**
 * One request: streams a reply into `messageId` with the client and parameters of this moment
 * (`options.client` is read here, on every request, so a changed key or endpoint counts from the
 * next one). Resolves with the reply when it completed; failures end up in state, typed.
 */
async function runRequest(
  { options, chat, now }: ChatContext,
  current: ChatRun,
  messageId: string,
): Promise<ChatMessage | undefined> {
  try {
    const extra = (typeof options.params === 'function' ? options.params() : options.params) ?? {};
    const model = extra.model ?? options.model;
    const start: Extract<ChatEvent, { type: 'request-start' }> = {
      type: 'request-start',
      messageId,
      at: now(),
    };
    if (model !== undefined) start.model = model;
    if (extra.response_format) start.responseFormat = extra.response_format;
    chat.dispatch(start);
    const body = toRequestBody(selectMessages(chat.current()), extra, options);
    const client = options.client;
    if (!client) {
      throw new ParleyInvalidRequestError({
        message: 'The chat needs a `client` to send with.',
        param: 'client',
      });
    }
    const stream = await client.chat.completions.create(body, {
      signal: current.controller.signal,
      onRetry: (info) => {
        if (current.stopped) return;
        const { attempt, delayMs, retryAt } = info;
        const retry = { attempt, delayMs, retryAt, error: toChatErrorInfo(info.error) };
        chat.dispatch({ type: 'retry-scheduled', retry });
      },
    });
    const route = parseRouteHeader(stream.response.headers.get(ROUTE_HEADER));
    if (route) chat.stream([{ type: 'message-metadata', messageId, route, at: now() }]);
    for await (const chunk of stream) {
      if (current.stopped) return undefined;
      chat.stream(chunkToEvents(messageId, chunk, now()));
    }
    if (current.stopped) return undefined;
    chat.dispatch({ type: 'message-end', messageId, at: now() });
    const state = chat.current();
    const message = state.messagesById[messageId];
    if (message) safely(() => options.onFinish?.({ message, messages: selectMessages(state) }));
    return message;
  } catch (error) {
    if (current.stopped) return undefined;
    if (error instanceof ParleyStreamError) chat.stream([streamErrorEnding(messageId, error, now())]);
    chat.dispatch({ type: 'request-error', messageId, error: toChatErrorInfo(error), at: now() });
    safely(() => options.onError?.(error));
    return undefined;
  }
}

/**
 * How a reply the provider ended with an error came to rest. The chunk carrying the error is never
 * yielded (the stream throws instead), so its `finish_reason` and `usage` come from the error's
 * assembled partial: the reply says it ended by `error` (also when the provider sent an error
 * object without that finish reason, which means the same), and what was billed still counts.
 */
function streamErrorEnding(messageId: string, error: ParleyStreamError, at: number): ChatDeltaEvent {
  const ending: Extract<ChatDeltaEvent, { type: 'message-metadata' }> = {
    type: 'message-metadata',
    messageId,
    finishReason: 'error',
    at,
  };
  if (error.partial.usage) ending.usage = error.partial.usage;
  return ending;
}

// Five rounds covers lookup-then-answer flows with room to spare, and stops a model that loops.
const DEFAULT_MAX_TOOL_ROUNDS = 5;

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

/**
 * Requests a reply into `firstId` (or a new message), runs its calls, and goes on while they settle
 * (up to the limits of {@link limitNotice}).
 */
export async function runLoop(rounds: ChatToolRounds, current: ChatRun, firstId?: string): Promise<void> {
  const { context } = rounds;
  const { chat, options } = context;
  let messageId = firstId ?? context.newId();
  for (;;) {
    const reply = await runRequest(context, current, messageId);
    if (!reply?.toolCalls || reply.toolCalls.length === 0 || current.stopped) return;
    const notice = limitNotice(chat.current(), options);
    if (notice) {
      rounds.update(
        reply.id,
        reply.toolCalls.filter(isPendingToolCall).map((call) => failedUpdate(call, notice.message)),
      );
      chat.dispatch({ type: 'tools-end', messageId: reply.id, notice });
      return;
    }
    try {
      await rounds.startCalls(current, reply);
    } catch (error) {
      // The code that runs calls did not download: the calls fail and the chat waits for the user.
      if (current.stopped) return;
      const reason = `The tools could not be loaded (${error instanceof Error ? error.message : String(error)}).`;
      const pending = reply.toolCalls.filter(isPendingToolCall);
      rounds.update(
        reply.id,
        pending.map((call) => failedUpdate(call, reason)),
      );
      chat.dispatch({ type: 'tools-end', messageId: reply.id });
      return;
    }
    if (current.stopped) return;
    // The calls as they stand now: the user may have answered some while the others ran.
    const calls = chat.current().messagesById[reply.id]?.toolCalls ?? [];
    if (calls.some(waitsForAnswer)) {
      chat.dispatch({ type: 'tools-await' });
      return;
    }
    // A call approved meanwhile still runs: its end continues the loop (or another answer's did).
    if (calls.some(isPendingToolCall) || !rounds.claimFollowUp(reply.id)) return;
    messageId = context.newId();
  }
}
