/**
 * `createChatStore`: the chat without React. It wires the parts, each in its own module: the state
 * and its notifications (`chat-notify.ts`), the job queue and the request (`chat-runner.ts`), tool
 * rounds (`chat-tools.ts`) and persistence (`chat-persistence.ts`); here are only the actions.
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
 * - The status stays `submitted`/`streaming` from a send until nothing more happens by itself,
 *   executors and the next request included; `awaiting-tool` only while a call waits for the user
 *   or the app (see `ChatStatus`).
 */
import { createChatStateHolder } from './chat-notify.ts';
import type { PersistedLoader } from './chat-persisted-loader.ts';
import {
  PERSISTED_LOADER,
  restoreMessage,
  savePersistedChanges,
  type WithPersistedLoader,
} from './chat-persistence.ts';
import { type ChatContext, createRunQueue, defaultGenerateId } from './chat-runner.ts';
import { lastAssistantMessage, selectBranch } from './chat-selectors.ts';
import { type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatStore, ChatStoreOptions } from './chat-store-types.ts';
import { createToolRounds, isPendingToolCall } from './chat-tools.ts';
import type { ChatMessage, ChatPart } from './chat-types.ts';
import type { ThreadSaveError } from './threads/thread-types.ts';

const STOPPED = 'Stopped by the user.';

/**
 * How the store loads its persisted conversation: not at all without a persistence; with the loader
 * the persistence carries (synchronously); else by importing it, so that a chat without persistence
 * never downloads the thread parser and merge.
 */
function persistedLoaderOf(
  options: ChatStoreOptions,
): PersistedLoader | Promise<PersistedLoader> | undefined {
  const persistence = options.persistence as WithPersistedLoader | undefined;
  if (!persistence || options.conversationId === undefined) return undefined;
  return (
    persistence[PERSISTED_LOADER] ??
    import('./chat-persisted-loader.ts').then((module) => module.persistedLoader())
  );
}

/**
 * Creates a chat store. Read state with `getState()`/`subscribe()` (a read-only zustand store);
 * change it only through the actions.
 *
 * @example
 * const client = createParleyClient({ baseURL: 'https://openrouter.ai/api/v1', apiKey });
 * const chat = createChatStore({ client, model: 'openai/gpt-4o' });
 * chat.subscribe((state) => render(selectMessages(state)));
 * await chat.send('Hello');
 */
export function createChatStore(options: ChatStoreOptions = {}): ChatStore {
  // Set by what replaces the conversation at once (setMessages, a branch switch, a delete): a load
  // arriving later must not undo it. Queued actions (send...) wait for the load instead.
  let touched = false;
  const onLoaded = (loaded: ChatState) => {
    if (!touched && !queue.destroyed) chat.replace(loaded);
  };
  const loader = persistedLoaderOf(options);
  const loadedNow = loader instanceof Promise ? undefined : loader?.load(options, onLoaded);
  const initial = loadedNow?.state ?? createInitialChatState(options.initialMessages);
  const ready =
    loader instanceof Promise
      ? loader.then(
          ({ load }) => {
            const { state, ready: loaded } = load(options, onLoaded);
            if (state.messageIds.length > 0 || state.storage) onLoaded(state);
            return loaded;
          },
          // Without its loader (the chunk failed to download) the chat still works, unsaved.
          () => undefined,
        )
      : (loadedNow?.ready ?? Promise.resolve());
  const chat = createChatStateHolder(initial, () => options.scheduler);
  const context: ChatContext = {
    options,
    chat,
    now: () => Date.now(),
    newId: () => (options.generateId ?? defaultGenerateId)(),
  };
  const { now, newId } = context;
  const queue = createRunQueue({
    beforeJob: (pendingReason) => tools.settlePendingCalls(pendingReason),
    afterJob: () => chat.publish(),
  });
  const tools = createToolRounds({ context, queue });
  const reportStorage = (unsaved: ThreadSaveError | undefined, cause?: unknown) => {
    if (unsaved === chat.current().storage?.unsaved) return;
    chat.dispatch({ type: 'storage-status', unsaved });
    if (unsaved) options.onStorageError?.(unsaved, cause);
  };
  const persisted = savePersistedChanges(
    chat.api,
    ready,
    () => ({ persistence: options.persistence, conversationId: options.conversationId }),
    reportStorage,
  );
  let unfollow = () => {};
  const follow = (resolved: PersistedLoader | undefined) => {
    if (resolved && !queue.destroyed) unfollow = resolved.follow(chat, options, reportStorage);
  };
  if (loader instanceof Promise) void loader.then(follow, () => undefined);
  else follow(loader);

  function enqueue(pendingReason: string, task: Parameters<typeof queue.enqueue>[1]): Promise<void> {
    if (queue.destroyed) return Promise.resolve();
    // A send before the stored conversation has loaded waits for it, so it adds to the history
    // instead of replacing it.
    return queue.enqueue(pendingReason, async (run) => {
      await ready;
      await task(run);
    });
  }

  function stop(): void {
    queue.stop();
    // Calls waiting for an approval or a result are not running: they keep waiting (the user can
    // still answer them, and a new message cancels them). This also keeps React's StrictMode
    // remount, which stops the chat once, from cancelling a restored approval.
    tools.settlePendingCalls(STOPPED, true);
    const state = chat.current();
    if (state.status === 'submitted' || state.status === 'streaming' || state.status === 'awaiting-tool') {
      const open = lastAssistantMessage(state);
      chat.dispatch(
        open
          ? { type: 'request-abort', messageId: open.id, at: now() }
          : { type: 'request-abort', at: now() },
      );
      if (hasPendingCalls()) chat.dispatch({ type: 'tools-await' });
    }
    chat.publish();
  }

  const hasPendingCalls = () => lastAssistantMessage(chat.current())?.toolCalls?.some(isPendingToolCall);

  function replaceConversation(messages: readonly ChatMessage[]): void {
    stop();
    touched = true;
    chat.dispatch({ type: 'messages-set', messages: messages.map(restoreMessage) });
    if (hasPendingCalls()) chat.dispatch({ type: 'tools-await' });
    chat.publish();
  }

  const newMessage = (role: ChatMessage['role'], parts: ChatPart[]): ChatMessage => ({
    id: newId(),
    role,
    parts,
    createdAt: now(),
    status: 'complete',
  });

  return {
    getState: () => chat.api.getState(),
    getInitialState: () => chat.api.getInitialState(),
    subscribe: (listener) => chat.api.subscribe(listener),
    subscribeMessage: chat.subscribeMessage,
    send(input, sendOptions) {
      const parts = typeof input === 'string' ? [{ type: 'text' as const, text: input }] : input;
      if (
        parts.length === 0 ||
        (parts.length === 1 && parts[0]?.type === 'text' && parts[0].text.trim() === '')
      ) {
        return Promise.resolve();
      }
      const message = newMessage(sendOptions?.role ?? 'user', parts);
      return enqueue('Cancelled: the user sent a new message instead.', async (current) => {
        chat.dispatch({ type: 'message-add', message });
        chat.publish();
        await tools.runLoop(current);
      });
    },
    stop,
    retry() {
      return enqueue('Cancelled: the user retried.', async (current) => {
        const state = chat.current();
        const last = state.messagesById[state.messageIds[state.messageIds.length - 1] ?? ''];
        if (!last) return;
        const failedReply =
          last.role === 'assistant' &&
          (last.status === 'error' || last.status === 'incomplete' || last.status === 'aborted');
        if (failedReply) await tools.runLoop(current, last.id);
        else if (last.role === 'user') await tools.runLoop(current);
      });
    },
    regenerate(messageId) {
      return enqueue('Cancelled: the reply was regenerated.', async (current) => {
        const state = chat.current();
        const target = messageId ?? lastAssistantMessage(state)?.id;
        const index = target === undefined ? -1 : state.messageIds.indexOf(target);
        const message = target === undefined ? undefined : state.messagesById[target];
        if (index === -1 || !message) return;
        const at = message.role === 'assistant' ? index : message.role === 'user' ? index + 1 : -1;
        if (at === -1) return;
        const id = newId();
        chat.dispatch({ type: 'branch-create', index: at, newFirstId: id });
        await tools.runLoop(current, id);
      });
    },
    edit(messageId, content) {
      return enqueue('Cancelled: a message was edited.', async (current) => {
        const state = chat.current();
        const index = state.messageIds.indexOf(messageId);
        const old = state.messagesById[messageId];
        if (index === -1 || !old || old.role === 'assistant' || old.role === 'tool') return;
        const parts: ChatPart[] = typeof content === 'string' ? [{ type: 'text', text: content }] : content;
        const message = newMessage(old.role, parts);
        if (old.name !== undefined) message.name = old.name;
        chat.dispatch({ type: 'branch-create', index, newFirstId: message.id });
        chat.dispatch({ type: 'message-add', message });
        chat.publish();
        if (message.role === 'user') await tools.runLoop(current);
      });
    },
    addToolResult: tools.addToolResult,
    approveToolCall: tools.approveToolCall,
    denyToolCall: tools.denyToolCall,
    setMessages: replaceConversation,
    reset: () => replaceConversation(options.initialMessages ?? []),
    switchBranch(messageId, index) {
      stop();
      touched = true;
      chat.dispatch({ type: 'branch-switch', messageId, index });
      chat.publish();
    },
    getBranch: (messageId) => selectBranch(chat.current(), messageId),
    deleteMessage(messageId, deleteOptions) {
      if (queue.destroyed) return;
      touched = true;
      chat.dispatch({ type: 'message-delete', messageId, turn: deleteOptions?.turn === true });
      chat.publish();
    },
    save: (saveOptions) => persisted.saveNow(saveOptions?.restore === true),
    destroy() {
      stop();
      queue.destroy();
      unfollow();
      persisted.stop();
    },
  };
}
