/**
 * `createChatStore`: the chat without React. It owns the state (through the pure reducer), runs
 * one job at a time (a send, a retry, a regenerate...), gives every job one AbortController for
 * its request and its tool executors, loops through tool rounds, and batches notifications
 * through an injectable scheduler: streamed deltas are buffered and folded into state once per
 * flush, so the `messagesById` record is copied once per frame, not once per token.
 *
 * Defined behaviours (also in the @parley/react README):
 * - send() while a job runs waits for it (jobs are serial); stop() also drops jobs still waiting.
 * - send(), regenerate() and edit() while tool calls wait for approval or a result answer those
 *   calls as cancelled (the model is told so), and the new message follows.
 * - stop() aborts the request and running executors; the partial reply stays `aborted`, running
 *   calls become `failed` ("Stopped by the user."), and nothing changes after it. Calls waiting for
 *   an approval or a result keep waiting (status `awaiting-tool`); otherwise the chat is idle.
 * - A failed request keeps the user's message and the failed reply (status `error` or
 *   `incomplete`, with its partial content); retry() streams a new reply into its place.
 * - Tool rounds continue by themselves up to `maxToolRounds` (default 5) tool rounds after a user
 *   message (and within `maxCost`); past it, the last reply's calls are not run and the reply
 *   carries a `notice`.
 */

import { createStore } from 'zustand/vanilla';
import { createParleyClient, type ParleyClient } from '../client.ts';
import { ParleyInvalidRequestError, toChatErrorInfo } from '../errors.ts';
import {
  type ChatDeltaEvent,
  type ChatEvent,
  type ChatToolCallUpdate,
  chunkToEvents,
} from './chat-events.ts';
import { restoreMessage, savePersistedChanges } from './chat-persistence.ts';
import { parseRouteHeader, ROUTE_HEADER } from './chat-route.ts';
import { frameScheduler } from './chat-scheduler.ts';
import type { ChatState } from './chat-state.ts';
import {
  defaultGenerateId,
  lastAssistantMessage,
  loadPersistedState,
  safely,
  selectMessages,
  toRequestBody,
} from './chat-store-helpers.ts';
import type { ChatStore, ChatStoreOptions } from './chat-store-types.ts';
import { type ChatRun, createToolRounds, failedUpdate, limitNotice } from './chat-tool-rounds.ts';
import { isPendingToolCall, serializeToolResult } from './chat-tools.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { createMessageListeners } from './messages-record.ts';
import { reduceChat } from './reduce-chat.ts';

const STOPPED = 'Stopped by the user.';

/**
 * Creates a chat store. Read state with `getState()`/`subscribe()` (a read-only zustand store);
 * change it only through the actions.
 *
 * @example
 * const chat = createChatStore({ baseURL: 'https://openrouter.ai/api/v1', apiKey, model: 'openai/gpt-4o' });
 * chat.subscribe((state) => render(selectMessages(state)));
 * await chat.send('Hello');
 */
export function createChatStore(options: ChatStoreOptions = {}): ChatStore {
  const now = () => Date.now();
  const newId = () => (options.generateId ?? defaultGenerateId)();
  let touched = false;
  let destroyed = false;
  const initial = loadPersistedState(options, (loaded) => {
    if (touched || destroyed) return;
    state = loaded;
    publish();
  });
  const api = createStore<ChatState>()(() => initial);
  let state = initial;
  let deltas: ChatDeltaEvent[] = [];
  let scheduled = false;
  let run: ChatRun | undefined;
  let queue: Promise<void> = Promise.resolve();
  let generation = 0;
  let client: ParleyClient | undefined;

  // --- state plumbing -----------------------------------------------------------------------
  function commit(): ChatState {
    if (deltas.length > 0) {
      const events = deltas;
      deltas = [];
      state = reduceChat(state, { type: 'batch', events });
    }
    return state;
  }
  const messageListeners = createMessageListeners();
  function publish(): void {
    scheduled = false;
    commit();
    const previous = api.getState();
    if (previous === state) return;
    const next = state;
    api.setState(next, true);
    messageListeners.notify(previous.messagesById, next.messagesById);
  }
  function requestPublish(): void {
    if (scheduled) return;
    scheduled = true;
    (options.scheduler ?? frameScheduler)(() => {
      if (scheduled) publish();
    });
  }
  function dispatch(event: ChatEvent): void {
    commit();
    state = reduceChat(state, event);
    requestPublish();
  }

  savePersistedChanges(api, state, () => ({
    persistence: options.persistence,
    conversationId: options.conversationId,
  }));

  // --- jobs ---------------------------------------------------------------------------------
  /** Fails the last reply's calls that are pending (or only those running, with `runningOnly`). */
  function settlePendingCalls(reason: string, runningOnly = false): void {
    const message = lastAssistantMessage(commit());
    const pending = (message?.toolCalls ?? []).filter((call) =>
      runningOnly ? call.state === 'running' : isPendingToolCall(call),
    );
    if (message)
      update(
        message.id,
        pending.map((call) => failedUpdate(call, reason)),
      );
  }

  function enqueue(pendingReason: string, task: (current: ChatRun) => Promise<void>): Promise<void> {
    if (destroyed) return Promise.resolve();
    touched = true;
    const scheduledIn = generation;
    const job = queue.then(async () => {
      if (scheduledIn !== generation || destroyed) return;
      if (run) {
        run.stopped = true;
        run.controller.abort();
      }
      settlePendingCalls(pendingReason);
      const current: ChatRun = { controller: new AbortController(), stopped: false };
      run = current;
      try {
        await task(current);
      } finally {
        publish();
      }
    });
    queue = job.catch(() => undefined);
    return job;
  }

  function getClient(): ParleyClient {
    if (options.client) return options.client;
    if (client) return client;
    if (!options.baseURL) {
      throw new ParleyInvalidRequestError({
        message: 'The chat needs a `client` or a `baseURL`.',
        param: 'baseURL',
      });
    }
    const clientOptions: Parameters<typeof createParleyClient>[0] = { baseURL: options.baseURL };
    if (options.apiKey !== undefined) clientOptions.apiKey = options.apiKey;
    if (options.fetch !== undefined) clientOptions.fetch = options.fetch;
    client = createParleyClient(clientOptions);
    return client;
  }

  /** One request; resolves with the reply when it completed. */
  async function request(current: ChatRun, messageId: string): Promise<ChatMessage | undefined> {
    try {
      const extra = (typeof options.params === 'function' ? options.params() : options.params) ?? {};
      const model = extra.model ?? options.model;
      dispatch(
        model === undefined
          ? { type: 'request-start', messageId, at: now() }
          : { type: 'request-start', messageId, at: now(), model },
      );
      const body = toRequestBody(selectMessages(commit()), extra, options);
      const stream = await getClient().chat.completions.create(body, {
        signal: current.controller.signal,
        onRetry: (info) => {
          if (current.stopped) return;
          const { attempt, delayMs, retryAt } = info;
          const retry = { attempt, delayMs, retryAt, error: toChatErrorInfo(info.error) };
          dispatch({ type: 'retry-scheduled', retry });
        },
      });
      const route = parseRouteHeader(stream.response.headers.get(ROUTE_HEADER));
      if (route) deltas.push({ type: 'message-metadata', messageId, route, at: now() });
      for await (const chunk of stream) {
        if (current.stopped) return undefined;
        deltas.push(...chunkToEvents(messageId, chunk, now()));
        requestPublish();
      }
      if (current.stopped) return undefined;
      dispatch({ type: 'message-end', messageId, at: now() });
      const message = state.messagesById[messageId];
      if (message) safely(() => options.onFinish?.({ message, messages: selectMessages(state) }));
      return message;
    } catch (error) {
      if (current.stopped) return undefined;
      dispatch({ type: 'request-error', messageId, error: toChatErrorInfo(error), at: now() });
      safely(() => options.onError?.(error));
      return undefined;
    }
  }

  const tools = createToolRounds({ options, update });
  function update(messageId: string, updates: ChatToolCallUpdate[]): void {
    if (updates.length > 0) dispatch({ type: 'tool-calls-update', messageId, updates });
  }

  async function runLoop(current: ChatRun, firstId?: string): Promise<void> {
    let messageId = firstId ?? newId();
    for (;;) {
      const reply = await request(current, messageId);
      if (!reply?.toolCalls || reply.toolCalls.length === 0 || current.stopped) return;
      const notice = limitNotice(state, options);
      if (notice) {
        update(
          reply.id,
          reply.toolCalls.filter(isPendingToolCall).map((call) => failedUpdate(call, notice.message)),
        );
        dispatch({ type: 'tools-end', messageId: reply.id, notice });
        return;
      }
      const waiting = await tools.start(current, reply);
      if (current.stopped) return;
      if (waiting) {
        dispatch({ type: 'tools-await' });
        return;
      }
      messageId = newId();
    }
  }

  /** Continues the loop once the app or the user settled the last waiting call. */
  function continueIfSettled(current: ChatRun, messageId: string): void {
    publish();
    if (current.stopped || current !== run) return;
    const message = lastAssistantMessage(commit());
    if (message?.id !== messageId || message.toolCalls?.some(isPendingToolCall)) return;
    void enqueue('', (next) => runLoop(next));
  }

  function findCall(toolCallId: string, states: readonly ChatToolCall['state'][]) {
    if (destroyed) return undefined;
    const message = lastAssistantMessage(commit());
    const call = message?.toolCalls?.find((candidate) => candidate.id === toolCallId);
    if (!message || !call || !states.includes(call.state)) return undefined;
    run ??= { controller: new AbortController(), stopped: false };
    return { message, call, current: run };
  }

  // --- actions ------------------------------------------------------------------------------
  function stop(): void {
    generation += 1;
    const current = run;
    run = undefined;
    if (current) {
      current.stopped = true;
      current.controller.abort();
    }
    commit();
    // Calls waiting for an approval or a result are not running: they keep waiting (the user can
    // still answer them, and a new message cancels them). This also keeps React's StrictMode
    // remount, which stops the chat once, from cancelling a restored approval.
    settlePendingCalls(STOPPED, true);
    if (state.status === 'submitted' || state.status === 'streaming' || state.status === 'awaiting-tool') {
      const open = lastAssistantMessage(state);
      dispatch(
        open
          ? { type: 'request-abort', messageId: open.id, at: now() }
          : { type: 'request-abort', at: now() },
      );
      if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) dispatch({ type: 'tools-await' });
    }
    publish();
  }

  function replaceConversation(messages: readonly ChatMessage[]): void {
    stop();
    touched = true;
    dispatch({ type: 'messages-set', messages: messages.map(restoreMessage) });
    if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) dispatch({ type: 'tools-await' });
    publish();
  }

  const store: ChatStore = {
    getState: () => api.getState(),
    getInitialState: () => api.getInitialState(),
    subscribe: (listener) => api.subscribe(listener),
    subscribeMessage: (messageId, listener) => messageListeners.subscribe(messageId, listener),
    send(input, sendOptions) {
      const parts = typeof input === 'string' ? [{ type: 'text' as const, text: input }] : input;
      if (
        parts.length === 0 ||
        (parts.length === 1 && parts[0]?.type === 'text' && parts[0].text.trim() === '')
      ) {
        return Promise.resolve();
      }
      const message: ChatMessage = {
        id: newId(),
        role: sendOptions?.role ?? 'user',
        parts,
        createdAt: now(),
        status: 'complete',
      };
      return enqueue('Cancelled: the user sent a new message instead.', async (current) => {
        dispatch({ type: 'message-add', message });
        publish();
        await runLoop(current);
      });
    },
    stop,
    retry() {
      return enqueue('Cancelled: the user retried.', async (current) => {
        const last = state.messagesById[state.messageIds[state.messageIds.length - 1] ?? ''];
        if (!last) return;
        const failedReply =
          last.role === 'assistant' &&
          (last.status === 'error' || last.status === 'incomplete' || last.status === 'aborted');
        if (failedReply) await runLoop(current, last.id);
        else if (last.role === 'user') await runLoop(current);
      });
    },
    regenerate(messageId) {
      return enqueue('Cancelled: the reply was regenerated.', async (current) => {
        const target = messageId ?? lastAssistantMessage(state)?.id;
        const index = target === undefined ? -1 : state.messageIds.indexOf(target);
        const message = target === undefined ? undefined : state.messagesById[target];
        if (index === -1 || !message) return;
        const at = message.role === 'assistant' ? index : message.role === 'user' ? index + 1 : -1;
        if (at === -1) return;
        const id = newId();
        dispatch({ type: 'branch-create', index: at, newFirstId: id });
        await runLoop(current, id);
      });
    },
    edit(messageId, content) {
      return enqueue('Cancelled: a message was edited.', async (current) => {
        const index = state.messageIds.indexOf(messageId);
        const old = state.messagesById[messageId];
        if (index === -1 || !old || old.role === 'assistant' || old.role === 'tool') return;
        const message: ChatMessage = {
          id: newId(),
          role: old.role,
          parts: typeof content === 'string' ? [{ type: 'text', text: content }] : content,
          createdAt: now(),
          status: 'complete',
        };
        if (old.name !== undefined) message.name = old.name;
        dispatch({ type: 'branch-create', index, newFirstId: message.id });
        dispatch({ type: 'message-add', message });
        publish();
        if (message.role === 'user') await runLoop(current);
      });
    },
    addToolResult(toolCallId, result) {
      const found = findCall(toolCallId, ['awaiting-result']);
      if (!found) return;
      update(found.message.id, [{ id: toolCallId, state: 'done', result: serializeToolResult(result) }]);
      continueIfSettled(found.current, found.message.id);
    },
    approveToolCall(toolCallId) {
      const found = findCall(toolCallId, ['awaiting-approval']);
      if (!found) return;
      const { message, call, current } = found;
      void tools.approve(current, message, call).then(() => continueIfSettled(current, message.id));
    },
    denyToolCall(toolCallId, reason) {
      const found = findCall(toolCallId, ['awaiting-approval']);
      if (!found) return;
      const error = reason ? `The user denied this tool call: ${reason}` : 'The user denied this tool call.';
      update(found.message.id, [{ id: toolCallId, state: 'denied', error, result: error }]);
      continueIfSettled(found.current, found.message.id);
    },
    setMessages: replaceConversation,
    reset: () => replaceConversation(options.initialMessages ?? []),
    switchBranch(messageId, index) {
      stop();
      touched = true;
      dispatch({ type: 'branch-switch', messageId, index });
      publish();
    },
    getBranch(messageId) {
      const branch = commit().branches[messageId];
      const index = branch ? branch.ids.findIndex((ids) => ids[0] === messageId) : -1;
      return branch && index !== -1 ? { index, count: branch.ids.length } : undefined;
    },
    destroy() {
      stop();
      destroyed = true;
    },
  };
  return store;
}
