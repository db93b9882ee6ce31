/**
 * The thread store seen from a chat store: a {@link ChatPersistence} whose conversations are
 * threads. A refused save rejects (as the `ChatPersistence` contract asks), so the chat shows
 * "not saved" too, not only the thread list; a thread deleted while the chat holds it reaches the
 * chat as `undefined`.
 */
import type { ChatPersistence, PersistedChat } from '../chat-persistence.ts';
import type { Thread, ThreadChat, ThreadSaveError, ThreadStore } from './thread-types.ts';

/** Why a save did not reach storage, with what the storage threw. */
export interface SaveFailure {
  error: ThreadSaveError;
  cause: unknown;
}

/** What the thread store lends its persistence (some of it not public). */
export interface ThreadPersistenceHost {
  ready(): Promise<void>;
  get(id: string): Thread | undefined;
  markSeen(id: string, thread: Thread): void;
  saveChat(id: string, chat: ThreadChat, restore?: boolean): Promise<SaveFailure | undefined>;
  subscribeThread: ThreadStore['subscribeThread'];
  remove: ThreadStore['remove'];
}

export function createThreadPersistence(host: ThreadPersistenceHost): ChatPersistence {
  return {
    async load(conversationId): Promise<PersistedChat | undefined> {
      await host.ready();
      const thread = host.get(conversationId);
      if (!thread) return undefined;
      host.markSeen(conversationId, thread);
      const { messageIds, messagesById, branches } = thread;
      return { version: 1, messageIds, messagesById, branches };
    },
    async save(conversationId, chat, options) {
      const failure = await host.saveChat(conversationId, chat, options?.restore);
      if (failure) throw failure.cause;
    },
    subscribe: (conversationId, listener) =>
      host.subscribeThread(conversationId, (thread) => {
        if (!thread) return listener(undefined);
        const { messageIds, messagesById, branches, deletedIds } = thread;
        listener({ version: 1, messageIds, messagesById, branches, deletedIds });
      }),
    remove: async (conversationId) => void (await host.remove(conversationId)),
  };
}
