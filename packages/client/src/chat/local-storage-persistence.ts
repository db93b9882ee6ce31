/**
 * The localStorage adapter of {@link ChatPersistence}: one JSON entry per conversation, merged by
 * message with what another tab stored, and a tombstone in place of a removed conversation so that
 * a tab still showing it cannot save it back (see `threads/thread-tombstone.ts`).
 */
import { withPersistedLoader } from './chat-persisted-loader.ts';
import type { ChatPersistence, PersistedChat, StorageLike } from './chat-persistence.ts';
import { mergeThreads, threadOf } from './threads/merge-thread.ts';
import {
  isStaleCopy,
  isTombstone,
  ThreadDeletedError,
  TOMBSTONE_TTL_MS,
  toTombstone,
} from './threads/thread-tombstone.ts';
import { parseThread } from './threads/validate-thread.ts';

/**
 * Persistence in `localStorage` (or any {@link StorageLike}), one JSON entry per conversation under
 * `prefix + conversationId`. Storage is looked up on each call, so importing this on a server is
 * safe; where there is none, nothing is saved. A full or unreadable entry is skipped, never thrown:
 * losing history must not break the chat. `remove` leaves a tombstone for `tombstoneTtl` ms
 * (default 30 days; removed for good when the conversation is next read after that).
 *
 * @example
 * const store = createChatStore({ client, persistence: createLocalStoragePersistence(), conversationId: 'support' });
 */
export function createLocalStoragePersistence(
  options: {
    storage?: StorageLike | undefined;
    prefix?: string | undefined;
    tombstoneTtl?: number | undefined;
  } = {},
): ChatPersistence {
  const prefix = options.prefix ?? 'parley:chat:';
  const storage = (): StorageLike | undefined => {
    if (options.storage) return options.storage;
    try {
      return (globalThis as { localStorage?: StorageLike }).localStorage;
    } catch {
      // Some browsers throw on access when storage is blocked.
      return undefined;
    }
  };
  // Tabs of one origin hear each other's saves (storage events reach only other documents, and not
  // every runtime has them; the channel also covers two stores in one page).
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`parley:chat:${prefix}`);
  /** Message ids this tab has seen per conversation: what it lacks of them, it deleted. */
  const seen = new Map<string, Set<string>>();
  const see = (conversationId: string, chat: PersistedChat) => {
    const ids = seen.get(conversationId) ?? new Set();
    for (const id of Object.keys(chat.messagesById)) ids.add(id);
    seen.set(conversationId, ids);
  };
  const read = (conversationId: string): unknown => {
    const text = storage()?.getItem(prefix + conversationId);
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text; // reported as unreadable by the store, never thrown
    }
  };
  const readChat = (conversationId: string, value = read(conversationId)): PersistedChat | undefined => {
    if (isTombstone(value)) return undefined;
    const { thread } = parseThread(value, conversationId);
    return (
      thread && {
        version: 1,
        messageIds: thread.messageIds,
        messagesById: thread.messagesById,
        branches: thread.branches,
        deletedIds: thread.deletedIds,
      }
    );
  };
  // It answers synchronously: carrying the loader, a store made with it shows the stored chat at once.
  return withPersistedLoader({
    load(conversationId) {
      try {
        const value = read(conversationId);
        if (isTombstone(value)) {
          // Long enough ago that no tab still holds a stale copy: gone for good.
          if (value.deletedAt + (options.tombstoneTtl ?? TOMBSTONE_TTL_MS) < Date.now())
            storage()?.removeItem(prefix + conversationId);
          return undefined;
        }
        const chat = readChat(conversationId, value);
        if (chat) see(conversationId, chat);
        return value as PersistedChat | undefined;
      } catch {
        return undefined;
      }
    },
    save(conversationId, chat, saveOptions) {
      const target = storage();
      if (!target) return;
      const value = read(conversationId);
      if (isTombstone(value) && !saveOptions?.restore && isStaleCopy(chat, value.deletedAt))
        throw new ThreadDeletedError(conversationId, value.deletedAt);
      // Merged with what another tab stored meanwhile: by message, deletions of either side winning.
      const known = seen.get(conversationId) ?? new Set();
      const deletedIds = [...known].filter((id) => !(id in chat.messagesById));
      const ours = threadOf(conversationId, {
        ...chat,
        deletedIds: [...(chat.deletedIds ?? []), ...deletedIds],
      });
      const stored = readChat(conversationId, value);
      const merged = mergeThreads(ours, stored && threadOf(conversationId, stored));
      const next: PersistedChat = {
        version: 1,
        messageIds: merged.messageIds,
        messagesById: merged.messagesById,
        branches: merged.branches,
        deletedIds: merged.deletedIds,
      };
      if (chat.usageTotal) next.usageTotal = chat.usageTotal;
      // A refusal (a full quota) propagates: the store reports it as "not saved".
      target.setItem(prefix + conversationId, JSON.stringify(next));
      see(conversationId, next);
      channel?.postMessage({ conversationId });
    },
    remove(conversationId) {
      seen.delete(conversationId);
      try {
        // A tombstone, not nothing: another tab still showing the conversation must not save it back.
        storage()?.setItem(prefix + conversationId, JSON.stringify(toTombstone(conversationId, Date.now())));
        channel?.postMessage({ conversationId });
      } catch {
        try {
          // Full: removing it at least frees the space.
          storage()?.removeItem(prefix + conversationId);
        } catch {
          // Nothing to do when storage is blocked.
        }
      }
    },
    subscribe(conversationId, listener) {
      const changed = () => {
        const value = read(conversationId);
        if (isTombstone(value)) return listener(undefined);
        const chat = readChat(conversationId, value);
        if (!chat) return;
        see(conversationId, chat);
        listener(chat);
      };
      const onMessage = (event: MessageEvent<{ conversationId?: unknown }>) => {
        if (event.data?.conversationId === conversationId) changed();
      };
      const onStorage = (event: Event) => {
        if ((event as StorageEvent).key === prefix + conversationId) changed();
      };
      channel?.addEventListener('message', onMessage);
      const events = globalThis as {
        addEventListener?: typeof addEventListener;
        removeEventListener?: typeof removeEventListener;
      };
      events.addEventListener?.('storage', onStorage);
      return () => {
        channel?.removeEventListener('message', onMessage);
        events.removeEventListener?.('storage', onStorage);
      };
    },
  });
}
