/**
 * The shapes of the thread store: a stored thread (a conversation with its title, pin and
 * metadata), the summary a sidebar lists, what went wrong while reading one, and the storage
 * interface an app implements to keep threads on its own backend.
 */
import type { Usage } from '../../wire-types.ts';
import type { ChatPersistence } from '../chat-persistence.ts';
import type { ChatBranch, ChatState } from '../chat-state.ts';
import type { ChatMessage } from '../chat-types.ts';

/** The version of {@link Thread} this code writes; older records are migrated on read. */
export const THREAD_VERSION = 2;

/**
 * One conversation as stored: every message (those of inactive branches too), the visible order,
 * the branches, and what the app keeps beside them. Plain JSON.
 */
export interface Thread {
  version: typeof THREAD_VERSION;
  id: string;
  /** What the list shows; empty until the first user message names it or the user renames it. */
  title: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** When a message or the title last changed; the list is ordered by it. */
  updatedAt: number;
  pinned: boolean;
  /** The app's own data (a model, a folder...); must be JSON. */
  metadata: Record<string, unknown>;
  /**
   * When the title, pin or metadata last changed (epoch ms): a merge takes them from the copy
   * that changed them last. Pinning does not touch `updatedAt`, so it needs its own clock.
   */
  propertiesUpdatedAt: number;
  messageIds: string[];
  messagesById: Record<string, ChatMessage>;
  branches: Record<string, ChatBranch>;
  /** Token usage of the last reply. */
  usage?: Usage;
  /**
   * Ids of messages the user deleted, so that merging with another tab's copy never brings them
   * back. Only ids: the content is gone.
   */
  deletedIds: string[];
}

/** What a thread list shows of a thread, without its messages. */
export interface ThreadSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  pinned: boolean;
  /** Messages in the visible conversation. */
  messageCount: number;
  /** The start of the last visible message's text, for a second line. */
  preview: string;
  metadata: Record<string, unknown>;
}

/** Something that could not be read and was skipped (never thrown), for a status the UI can show. */
export interface ThreadIssue {
  threadId?: string;
  messageId?: string;
  /** Where in the record, such as `messagesById.a.parts`. */
  path: string;
  /** What was wrong, in words a developer reads. */
  message: string;
}

/** Why the latest change of a thread did not reach storage; the thread stays in memory. */
export interface ThreadSaveError {
  /**
   * `quota` when storage is full, `storage` for any other refusal (blocked, closed, a server
   * error), `deleted` when the thread was deleted (here or in another tab) and this copy is stale:
   * saving it again needs an explicit restore.
   */
  kind: 'quota' | 'storage' | 'deleted';
  message: string;
  /** Epoch milliseconds: when the save was refused (for `deleted`, when the thread was deleted). */
  at: number;
}

/**
 * What a deleted thread leaves in storage for a while (see `tombstoneTtl`): its id and when it was
 * deleted, so that a save from a tab that still had it open cannot bring it back. Stored under the
 * thread's id like a thread; the thread store removes it for good once it is old.
 */
export interface ThreadTombstone {
  version: typeof THREAD_VERSION;
  id: string;
  deleted: true;
  /** Epoch milliseconds. */
  deletedAt: number;
}

/**
 * Where threads live. Parley ships IndexedDB, localStorage and in-memory storages; an app
 * implements this to keep threads on its own server (see the client README). Records come back
 * `unknown`: the thread store validates and migrates every one of them, so a storage never needs
 * to trust what it reads. Every method may return a promise.
 */
export interface ThreadStorage {
  /**
   * Names the storage for cross-tab sync: stores on the same name in other tabs of the origin
   * hear about each other's changes (over `BroadcastChannel`).
   */
  readonly name?: string;
  /** Every stored thread record. */
  getAll(): unknown[] | Promise<unknown[]>;
  /** One record, or `undefined`. */
  get(id: string): unknown | Promise<unknown>;
  /**
   * Writes a record whole under its `id`: a thread, or the {@link ThreadTombstone} a deleted thread
   * leaves (store it like any record; `getAll` and `get` return it as stored). Throw (or reject)
   * when it cannot be kept: the store reports it as "not saved".
   */
  put(record: Thread | ThreadTombstone): void | Promise<void>;
  /** Removes a record for good (the store calls it for tombstones past `tombstoneTtl`). */
  delete(id: string): void | Promise<void>;
  /**
   * Optional read-modify-write in one step, where the storage can make it atomic (an IndexedDB
   * transaction). `change` is synchronous and may throw (the stored record is a tombstone): then
   * write nothing and reject with that error. Without `update` the store calls `get` then `put`.
   */
  update?(id: string, change: (stored: unknown) => Thread): Thread | Promise<Thread>;
  /**
   * Optional: tells the store about changes made elsewhere (a `storage` event, a server push),
   * with the id of the thread that changed.
   */
  subscribe?(listener: (id: string) => void): () => void;
}

/** What a thread list shows. Plain data; a new object on every change. */
export interface ThreadStoreState {
  /** `loading` until the storage has been read once. */
  status: 'loading' | 'ready';
  /** Every thread, pinned first, then the most recently updated. */
  threads: ThreadSummary[];
  /** What could not be read (skipped, not thrown): records, messages, branch points. */
  issues: ThreadIssue[];
  /**
   * Threads whose latest change did not reach storage, by id. Cleared by the next successful save.
   * `kind: 'deleted'` marks a thread this tab had open when it was deleted (here or in another tab).
   */
  unsaved: Record<string, ThreadSaveError>;
}

/** Options of `createThreadStore`. */
export interface ThreadStoreOptions {
  /** Where threads live; default IndexedDB in browsers, memory elsewhere. */
  storage?: ThreadStorage | undefined;
  /** Hear about other tabs' changes over `BroadcastChannel` (default true where it exists). */
  sync?: boolean | undefined;
  /** Called with what could not be read, each time something could not. */
  onIssues?: ((issues: ThreadIssue[]) => void) | undefined;
  /** Called when a change could not be saved; the thread stays in memory. */
  onSaveError?: ((threadId: string, error: ThreadSaveError, cause: unknown) => void) | undefined;
  generateId?: (() => string) | undefined;
  now?: (() => number) | undefined;
  /**
   * How long (ms) a deleted thread's tombstone is kept before it is removed for good at a later
   * load; default 30 days. Until then, no tab's stale copy can bring the thread back.
   */
  tombstoneTtl?: number | undefined;
}

/** What a new thread starts with. */
export interface ThreadInit {
  id?: string | undefined;
  title?: string | undefined;
  pinned?: boolean | undefined;
  metadata?: Record<string, unknown> | undefined;
  messages?: ChatMessage[] | undefined;
}

/** The messages part of a chat, as the chat store has it. */
export type ThreadChat = Pick<ChatState, 'messageIds' | 'messagesById' | 'branches'> &
  Pick<Partial<ChatState>, 'usage'>;

/** Many conversations and what a list of them needs. See `createThreadStore`. */
export interface ThreadStore {
  getState(): ThreadStoreState;
  subscribe(listener: (state: ThreadStoreState) => void): () => void;
  /** Resolves once the storage has been read. */
  ready(): Promise<void>;
  /** The whole thread, from memory. */
  get(id: string): Thread | undefined;
  /** Calls `listener` when the thread changes here or in another tab (`undefined` once deleted). */
  subscribeThread(id: string, listener: (thread: Thread | undefined) => void): () => void;
  create(init?: ThreadInit): Promise<Thread>;
  rename(id: string, title: string): Promise<void>;
  pin(id: string, pinned?: boolean): Promise<void>;
  setMetadata(id: string, metadata: Record<string, unknown>): Promise<void>;
  /** Deletes a thread and returns it, so an "Undo" can {@link ThreadStore.restore} it. */
  remove(id: string): Promise<Thread | undefined>;
  /** Puts threads back (undo) or in (import), merging with any stored copy of the same id. */
  restore(...threads: Thread[]): Promise<void>;
  /** Summaries whose title or text contain every word of `query`. */
  search(query: string): ThreadSummary[];
  /**
   * Saves a chat's messages into the thread `id` (created when new), merged with the stored copy.
   * A copy of a thread deleted since is refused (marked `unsaved` with `kind: 'deleted'`) unless
   * `restore` asks to bring it back.
   */
  saveChat(id: string, chat: ThreadChat, options?: { restore?: boolean | undefined }): Promise<void>;
  /** The thread store as a chat store's persistence: `createChatStore({ persistence: threads.persistence, conversationId })`. */
  readonly persistence: ChatPersistence;
  /** Stops listening to other tabs. */
  destroy(): void;
}
