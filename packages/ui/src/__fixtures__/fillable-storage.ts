import { createMemoryThreadStorage, type ThreadStorage } from '@parley/client/chat';

/**
 * An app's own thread storage (in memory) that refuses writes like a full disk while `full` is set:
 * the real `QuotaExceededError` a browser throws, for "not saved" tests and stories.
 */
export function fillableStorage(full = false): ThreadStorage & { full: boolean } {
  const inner = createMemoryThreadStorage();
  const storage = {
    full,
    name: `fillable-${Math.random().toString(36).slice(2)}`,
    getAll: () => inner.getAll(),
    get: (id: string) => inner.get(id),
    put(record: Parameters<ThreadStorage['put']>[0]) {
      if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return inner.put(record);
    },
    delete: (id: string) => inner.delete(id),
  };
  return storage;
}
