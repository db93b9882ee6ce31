/**
 * Deletion tombstones. Deleting a thread leaves `{ id, deleted: true, deletedAt }` under its id
 * instead of nothing, because "nothing" cannot be told apart from "never saved": a tab that still
 * had the thread open would save it again and bring it back. A save meets the tombstone and is
 * refused when its copy is older than the deletion (it holds something created before it); a copy
 * made entirely after it is a new conversation under the same id and replaces the tombstone. An
 * explicit restore (undo, import, "Save it again") always wins. Old tombstones are removed for good.
 */
import type { ChatMessage } from '../chat-types.ts';
import { isRecord } from './migrate-thread.ts';
import { THREAD_VERSION, type ThreadSaveError, type ThreadTombstone } from './thread-types.ts';

/**
 * How long a tombstone is kept (30 days): longer than a tab plausibly stays open with a stale copy.
 * After it, a tab that old could bring the thread back.
 */
export const TOMBSTONE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function toTombstone(id: string, deletedAt: number): ThreadTombstone {
  return { version: THREAD_VERSION, id, deleted: true, deletedAt };
}

export function isTombstone(value: unknown): value is ThreadTombstone {
  return (
    isRecord(value) &&
    value.deleted === true &&
    typeof value.id === 'string' &&
    typeof value.deletedAt === 'number'
  );
}

/** What a refused save of a deleted conversation says. */
export const DELETED = 'This conversation was deleted, so changes to it are no longer saved.';

/** A save refused because the thread was deleted after this copy was made (recognised by its `name`). */
export class ThreadDeletedError extends Error {
  override readonly name = 'ThreadDeletedError';
  constructor(
    readonly threadId: string,
    readonly deletedAt: number,
    message = DELETED,
  ) {
    super(message);
  }
}

/**
 * Whether a copy (its creation time and messages) predates a deletion at `deletedAt`, so saving it
 * would bring a deleted conversation back.
 */
export function isStaleCopy(
  copy: { createdAt?: number; messagesById: Record<string, Pick<ChatMessage, 'createdAt'>> },
  deletedAt: number,
): boolean {
  if (copy.createdAt !== undefined && copy.createdAt <= deletedAt) return true;
  return Object.values(copy.messagesById).some((message) => message.createdAt <= deletedAt);
}

/** A storage's refusal as data: `quota` for a full disk (by the DOMException's name), `deleted` for a tombstone, else `storage`. */
export function toSaveError(cause: unknown, at: number): ThreadSaveError {
  const name = (cause as { name?: unknown } | null)?.name;
  // By name, not class: a persistence of an app's own may throw its own, and the chat core need
  // not ship the class to read it.
  if (name === 'ThreadDeletedError') {
    const { deletedAt, message } = cause as ThreadDeletedError;
    return { kind: 'deleted', message, at: deletedAt ?? at };
  }
  const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
  const message = cause instanceof Error ? cause.message : String(cause);
  return { kind: quota ? 'quota' : 'storage', message: quota ? `Storage is full: ${message}` : message, at };
}
