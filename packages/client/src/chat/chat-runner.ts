/**
 * Running a chat's work: jobs (a send, a retry, a regenerate...) run one at a time, each with one
 * AbortController shared by its request and its tool executors. The request itself is in
 * `chat-request.ts`, loaded on demand.
 */
import type { ChatStateHolder } from './chat-notify.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';

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

let idCounter = 0;
/** A message id: a UUID where the page can make one, else a time-and-random string. */
export function defaultGenerateId(): string {
  const crypto = globalThis.crypto as Crypto | undefined;
  // randomUUID exists only in secure contexts; a page on plain http falls back.
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  idCounter += 1;
  return `m${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
