/**
 * Running a chat's work: jobs (a send, a retry, a regenerate...) run one at a time, each with one
 * AbortController shared by its request and its tool executors; and the request itself, from the
 * conversation to a streamed reply.
 */
import { ParleyInvalidRequestError, ParleyStreamError, toChatErrorInfo } from '../errors.ts';
import { type ChatDeltaEvent, type ChatEvent, chunkToEvents } from './chat-events.ts';
import type { ChatStateHolder } from './chat-notify.ts';
import { parseRouteHeader, ROUTE_HEADER } from './chat-route.ts';
import { selectMessages } from './chat-selectors.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatMessage } from './chat-types.ts';
import { toRequestBody } from './to-request-messages.ts';

/** One job's cancellation: its request and its executors share the controller. */
export interface ChatRun {
  controller: AbortController;
  stopped: boolean;
}

/** What the parts of one store share. */
export interface ChatContext {
  options: ChatStoreOptions;
  chat: ChatStateHolder;
  now(): number;
  newId(): string;
}

/** A queue of jobs run one at a time (vercel/ai `serial-job-executor.ts`), with stop and destroy. */
export interface RunQueue {
  /**
   * Runs `task` after the jobs before it, unless `stop()` or `destroy()` came in between. A new job
   * stops what is still running (a run left waiting on tool calls) before it starts, and calls
   * still pending are settled with `pendingReason`.
   */
  enqueue(pendingReason: string, task: (run: ChatRun) => Promise<void>): Promise<void>;
  /** The run tool answers belong to: the current one, or a fresh one after a stop. */
  ensureRun(): ChatRun;
  isCurrent(run: ChatRun): boolean;
  /** Aborts the current run and drops the jobs still waiting. */
  stop(): void;
  destroy(): void;
  readonly destroyed: boolean;
}

/** `beforeJob` runs as each job starts; `afterJob` when it ends, however it ends. */
export function createRunQueue(hooks: {
  beforeJob(pendingReason: string): void;
  afterJob(): void;
}): RunQueue {
  let run: ChatRun | undefined;
  let queue: Promise<void> = Promise.resolve();
  let generation = 0;
  let destroyed = false;
  const abort = (current: ChatRun | undefined) => {
    if (!current) return;
    current.stopped = true;
    current.controller.abort();
  };
  return {
    enqueue(pendingReason, task) {
      if (destroyed) return Promise.resolve();
      const scheduledIn = generation;
      const job = queue.then(async () => {
        if (scheduledIn !== generation || destroyed) return;
        abort(run);
        hooks.beforeJob(pendingReason);
        const current: ChatRun = { controller: new AbortController(), stopped: false };
        run = current;
        try {
          await task(current);
        } finally {
          hooks.afterJob();
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
    ensureRun() {
      run ??= { controller: new AbortController(), stopped: false };
      return run;
    },
    isCurrent: (current) => current === run,
    stop() {
      generation += 1;
      abort(run);
      run = undefined;
    },
    destroy() {
      destroyed = true;
    },
    get destroyed() {
      return destroyed;
    },
  };
}

/** Runs an app callback without letting its exception break the chat; the error is rethrown asynchronously. */
export function safely(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * One request: streams a reply into `messageId` with the client and parameters of this moment
 * (`options.client` is read here, on every request, so a changed key or endpoint counts from the
 * next one). Resolves with the reply when it completed; failures end up in state, typed.
 */
export async function runRequest(
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

let idCounter = 0;
/** A message id: a UUID where the page can make one, else a time-and-random string. */
export function defaultGenerateId(): string {
  const crypto = globalThis.crypto as Crypto | undefined;
  // randomUUID exists only in secure contexts; a page on plain http falls back.
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  idCounter += 1;
  return `m${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
