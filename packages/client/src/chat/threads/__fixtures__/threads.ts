/** Small conversations for the thread store's tests. */
import type { ChatMessage } from '../../chat-types.ts';
import { THREAD_VERSION, type Thread } from '../thread-types.ts';

export function message(id: string, role: ChatMessage['role'], text: string, createdAt = 1_000): ChatMessage {
  return { id, role, parts: [{ type: 'text', text }], createdAt, status: 'complete' };
}

/** The messages of a chat with these turns, as a chat store's state holds them. */
export function chatOf(...messages: ChatMessage[]) {
  return {
    messageIds: messages.map((item) => item.id),
    messagesById: Object.fromEntries(messages.map((item) => [item.id, item])),
    branches: {},
  };
}

/** A thread of `messages` in order, all visible. */
export function thread(id: string, messages: ChatMessage[], extra: Partial<Thread> = {}): Thread {
  return {
    version: THREAD_VERSION,
    id,
    title: '',
    createdAt: 1_000,
    updatedAt: 1_000,
    pinned: false,
    metadata: {},
    propertiesUpdatedAt: 0,
    messageIds: messages.map((item) => item.id),
    messagesById: Object.fromEntries(messages.map((item) => [item.id, item])),
    branches: {},
    deletedIds: [],
    ...extra,
  };
}

/** A Web Storage in memory, listable like `localStorage`; `failWrites` makes `setItem` throw like a full disk. */
export function memoryWebStorage() {
  const items = new Map<string, string>();
  const storage = {
    items,
    failWrites: false,
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (storage.failWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
  return storage;
}
