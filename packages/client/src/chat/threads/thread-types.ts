/**
 * The shapes of the thread store: a stored thread (a conversation with its title, pin and
 * metadata), the summary a sidebar lists, what went wrong while reading one, and the storage
 * interface an app implements to keep threads on its own backend.
 */
import type { Usage } from '../../wire-types.ts';
import type { ChatBranch } from '../chat-state.ts';
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
  /** `quota` when storage is full, `storage` for any other refusal (blocked, closed, a server error). */
  kind: 'quota' | 'storage';
  message: string;
  /** Epoch milliseconds. */
  at: number;
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
  /** Writes a thread whole. Throw (or reject) when it cannot be kept: the store reports it as "not saved". */
  put(thread: Thread): void | Promise<void>;
  delete(id: string): void | Promise<void>;
  /**
   * Optional read-modify-write in one step, where the storage can make it atomic (an IndexedDB
   * transaction). `change` is synchronous. Without it the store calls `get` then `put`.
   */
  update?(id: string, change: (stored: unknown) => Thread): Thread | Promise<Thread>;
  /**
   * Optional: tells the store about changes made elsewhere (a `storage` event, a server push),
   * with the id of the thread that changed.
   */
  subscribe?(listener: (id: string) => void): () => void;
}
