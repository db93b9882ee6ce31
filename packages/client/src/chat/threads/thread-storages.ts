/**
 * The storages Parley ships: IndexedDB (the default in browsers: large, asynchronous, atomic
 * read-modify-write), localStorage (small, synchronous, everywhere) and memory (servers, tests,
 * or no persistence at all). An app's own backend implements {@link ThreadStorage} instead.
 */
import { type IDBPDatabase, openDB } from 'idb';
import type { StorageLike } from '../chat-persistence.ts';
import type { Thread, ThreadStorage } from './thread-types.ts';

const STORE = 'threads';

/**
 * Threads in IndexedDB, one record per thread keyed by id, in the database `name` (default
 * `parley-threads`). Saving merges with what is stored inside one transaction, so two tabs
 * writing at once cannot overwrite each other. A full disk rejects the write (`QuotaExceededError`),
 * which the thread store reports as "not saved".
 *
 * @example
 * const threads = createThreadStore({ storage: createIndexedDbThreadStorage({ name: 'my-app' }) });
 */
export function createIndexedDbThreadStorage(options: { name?: string } = {}): ThreadStorage {
  const name = options.name ?? 'parley-threads';
  let opened: Promise<IDBPDatabase> | undefined;
  const db = () => {
    opened ??= openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'id' });
      },
      // Another tab upgrading (a newer version of the app) needs this connection gone.
      blocking() {
        void opened?.then((database) => database.close());
        opened = undefined;
      },
    });
    return opened;
  };
  return {
    name: `indexeddb:${name}`,
    async getAll() {
      return (await db()).getAll(STORE);
    },
    async get(id) {
      return (await db()).get(STORE, id);
    },
    async put(thread) {
      await (await db()).put(STORE, thread);
    },
    async delete(id) {
      await (await db()).delete(STORE, id);
    },
    async update(id, change) {
      const transaction = (await db()).transaction(STORE, 'readwrite');
      const next = change(await transaction.store.get(id));
      await transaction.store.put(next);
      await transaction.done;
      return next;
    },
  };
}

/** The part of the Web Storage API the localStorage storage needs, to list its keys. */
export interface ListableStorageLike extends StorageLike {
  readonly length: number;
  key(index: number): string | null;
}

function defaultStorage(): ListableStorageLike | undefined {
  try {
    return (globalThis as { localStorage?: ListableStorageLike }).localStorage;
  } catch {
    // Some browsers throw on access when storage is blocked.
    return undefined;
  }
}

/**
 * Threads in `localStorage` (or any {@link ListableStorageLike}), one JSON entry per thread under
 * `prefix + id` (default prefix `parley:thread:`). About 5 MB per origin: long conversations with
 * images fill it, and a refused write surfaces as "not saved". Other tabs hear of changes through
 * `storage` events as well as the thread store's own channel.
 */
export function createLocalStorageThreadStorage(
  options: { storage?: ListableStorageLike | undefined; prefix?: string | undefined } = {},
): ThreadStorage {
  const prefix = options.prefix ?? 'parley:thread:';
  const storage = () => options.storage ?? defaultStorage();
  const read = (key: string): unknown => {
    const text = storage()?.getItem(key);
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      // Reported by the store as "not a stored conversation" rather than thrown.
      return text;
    }
  };
  return {
    name: `localstorage:${prefix}`,
    getAll() {
      const target = storage();
      if (!target) return [];
      const keys: string[] = [];
      for (let index = 0; index < target.length; index++) {
        const key = target.key(index);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      return keys.map((key) => {
        const value = read(key);
        // An entry without an id is named by its key, so it can still be migrated and reported.
        return typeof value === 'object' && value !== null && !Array.isArray(value) && !('id' in value)
          ? { ...value, id: key.slice(prefix.length) }
          : value;
      });
    },
    get: (id) => read(prefix + id),
    put(thread: Thread) {
      const target = storage();
      if (!target) throw new Error('localStorage is not available');
      target.setItem(prefix + thread.id, JSON.stringify(thread));
    },
    delete(id) {
      storage()?.removeItem(prefix + id);
    },
    subscribe(listener) {
      const target = globalThis as {
        addEventListener?: typeof addEventListener;
        removeEventListener?: typeof removeEventListener;
      };
      if (!target.addEventListener || !target.removeEventListener) return () => undefined;
      const handle = (event: Event) => {
        const key = (event as StorageEvent).key;
        if (key?.startsWith(prefix)) listener(key.slice(prefix.length));
      };
      target.addEventListener('storage', handle);
      return () => target.removeEventListener?.('storage', handle);
    },
  };
}

/** Threads in memory only: nothing survives a reload. For servers, tests and apps that opt out. */
export function createMemoryThreadStorage(): ThreadStorage {
  const records = new Map<string, unknown>();
  return {
    getAll: () => [...records.values()].map((record) => structuredClone(record)),
    get: (id) => structuredClone(records.get(id)),
    put(thread) {
      records.set(thread.id, structuredClone(thread));
    },
    delete(id) {
      records.delete(id);
    },
  };
}

/** IndexedDB where the runtime has it, else memory. */
export function createDefaultThreadStorage(): ThreadStorage {
  return typeof indexedDB === 'undefined' ? createMemoryThreadStorage() : createIndexedDbThreadStorage();
}
