/**
 * The loading side of persistence, which a chat store needs only when it has a persistence: reading a
 * stored conversation (migrated from older shapes and every message checked, with the thread parser)
 * and following other tabs' changes (merged by message). It is a module of its own so that a chat
 * without persistence never downloads it: the store imports it on start, unless the persistence
 * carries it (`PERSISTED_LOADER`, as `createLocalStoragePersistence` does).
 */
import {
  type ChatPersistence,
  fromPersistedChat,
  PERSISTED_LOADER,
  type WithPersistedLoader,
} from './chat-persistence.ts';
import { type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import { mergeThreads, threadOf } from './threads/merge-thread.ts';
import { DELETED } from './threads/thread-tombstone.ts';
import type { ThreadSaveError } from './threads/thread-types.ts';
import { parseThread } from './threads/validate-thread.ts';

/**
 * A stored value as a state to show: migrated from older shapes, each message checked, what cannot
 * be read skipped and listed in `state.storage.issues`. Never throws.
 */
function readPersisted(value: unknown, conversationId: string): ChatState | undefined {
  if (value === undefined || value === null) return undefined;
  const { thread, issues } = parseThread(value, conversationId);
  const state = thread ? fromPersistedChat({ ...thread, version: 1 }) : createInitialChatState();
  if (issues.length > 0) state.storage = { issues };
  return thread || issues.length > 0 ? state : undefined;
}

/**
 * The store's first state: the saved conversation when persistence answers synchronously (as
 * localStorage does, so the page never flashes an empty chat), else `initialMessages`, with
 * `onLoaded` called later when an asynchronous load finds one. `ready` resolves once the load is
 * settled either way: the store's actions wait for it, so a send before the load cannot replace
 * the stored history.
 */
export function loadPersistedState(
  options: ChatStoreOptions,
  onLoaded: (state: ChatState) => void,
): { state: ChatState; ready: Promise<void> } {
  const fallback = createInitialChatState(options.initialMessages);
  const { persistence, conversationId } = options;
  const settled = { state: fallback, ready: Promise.resolve() };
  if (!persistence || conversationId === undefined) return settled;
  let loaded: ReturnType<typeof persistence.load>;
  try {
    loaded = persistence.load(conversationId);
  } catch {
    return settled;
  }
  if (loaded instanceof Promise) {
    const ready = loaded.then(
      (value) => {
        const state = readPersisted(value, conversationId);
        if (state) onLoaded(state);
      },
      () => undefined,
    );
    return { state: fallback, ready };
  }
  return { state: readPersisted(loaded, conversationId) ?? fallback, ready: settled.ready };
}

/**
 * Follows changes made elsewhere (another tab): when the chat is at rest, the other copy is merged
 * in by message (see `mergeThreads`), so its messages appear here and none of ours are lost. While
 * a reply streams, the change waits for the next save, which merges it anyway. A deletion is
 * reported (`deleted`, "not saved"); the conversation stays on screen until the app closes it.
 */
export function followPersistedChanges(
  chat: { current(): ChatState; replace(state: ChatState): void },
  options: ChatStoreOptions,
  report: (error: ThreadSaveError | undefined, cause?: unknown) => void,
): () => void {
  const { persistence, conversationId } = options;
  if (!persistence?.subscribe || conversationId === undefined) return () => undefined;
  return persistence.subscribe(conversationId, (theirs) => {
    const state = chat.current();
    if (!theirs) return report({ kind: 'deleted', message: DELETED, at: Date.now() });
    // Brought back (an undo, or "Save it again" in another tab): it is stored again.
    if (state.storage?.unsaved?.kind === 'deleted') report(undefined);
    if (state.status === 'submitted' || state.status === 'streaming') return;
    const merged = mergeThreads(threadOf(conversationId, state), threadOf(conversationId, theirs));
    const added = Object.keys(merged.messagesById).some((id) => !(id in state.messagesById));
    if (!added && merged.messageIds.join() === state.messageIds.join()) return;
    const loaded = fromPersistedChat({ ...merged, version: 1 });
    chat.replace({
      ...state,
      messageIds: loaded.messageIds,
      messagesById: loaded.messagesById,
      branches: loaded.branches,
    });
  });
}

/** What a store calls to load and follow its persisted conversation. */
export interface PersistedLoader {
  load: typeof loadPersistedState;
  follow: typeof followPersistedChanges;
}

const LOADER: PersistedLoader = { load: loadPersistedState, follow: followPersistedChanges };

/** The loader, for a store whose persistence does not carry one. */
export function persistedLoader(): PersistedLoader {
  return LOADER;
}

/** `persistence` carrying the loader, so a store made with it loads synchronously when it can. */
export function withPersistedLoader<T extends ChatPersistence>(persistence: T): WithPersistedLoader<T> {
  return Object.assign(persistence, { [PERSISTED_LOADER]: LOADER });
}
