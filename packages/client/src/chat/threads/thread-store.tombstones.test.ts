/**
 * A thread deleted in one tab while another still holds it: tombstones keep the stale tab's save
 * from bringing it back, in every storage, and the stale tab learns about it (state and chat).
 * Real IndexedDB and localStorage across two stores run in the browser project
 * (packages/react/src/thread-tombstones.test.ts).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createParleyClient } from '../../client.ts';
import { createScriptedFetch, finish, text } from '../__fixtures__/scripted-fetch.ts';
import { waitFor } from '../__fixtures__/wait-for.ts';
import { syncScheduler } from '../chat-notify.ts';
import { createChatStore } from '../chat-store.ts';
import { createLocalStoragePersistence } from '../local-storage-persistence.ts';
import { chatOf as chat, memoryWebStorage, message } from './__fixtures__/threads.ts';
import {
  createIndexedDbThreadStorage,
  createLocalStorageThreadStorage,
  createMemoryThreadStorage,
} from './thread-storages.ts';
import { createThreadStore } from './thread-store.ts';
import { ThreadDeletedError } from './thread-tombstone.ts';
import type { ThreadStorage, ThreadStore } from './thread-types.ts';

let clock = 10_000;
const now = () => ++clock;
const stores: ThreadStore[] = [];
function open(storage: ThreadStorage, extra = {}) {
  const store = createThreadStore({ storage, now, ...extra });
  stores.push(store);
  return store;
}
const hi = message('u1', 'user', 'Hi', 5_000);
const hello = message('a1', 'assistant', 'Hello', 5_001);
const more = message('u2', 'user', 'One more thing', 20_000);

/** Every storage Parley ships, and an app's own (a plain record map with only the four methods). */
const storages: [string, () => ThreadStorage][] = [
  ['IndexedDB', () => createIndexedDbThreadStorage({ name: 'tombstones' })],
  ['localStorage', () => createLocalStorageThreadStorage({ storage: web })],
  ['memory', () => memory],
  [
    'an app’s own',
    () => ({
      name: 'custom',
      getAll: () => [...custom.values()].map((record) => JSON.parse(record)),
      get: (id) => (custom.has(id) ? JSON.parse(custom.get(id)!) : undefined),
      put: (record) => void custom.set(record.id, JSON.stringify(record)),
      delete: (id) => void custom.delete(id),
    }),
  ],
];
let web = memoryWebStorage();
let memory = createMemoryThreadStorage();
let custom = new Map<string, string>();

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  web = memoryWebStorage();
  memory = createMemoryThreadStorage();
  custom = new Map();
});
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

describe.each(storages)('a thread deleted in another tab (%s)', (_name, storage) => {
  it('is not brought back by the stale tab’s save, which is refused and marked deleted', async () => {
    // No cross-tab channel: the stale tab has not heard of the deletion when it saves.
    const tabA = open(storage(), { sync: false });
    const tabB = open(storage(), { sync: false });
    await tabA.saveChat('t', chat(hi, hello));
    await tabB.ready();
    await tabB.saveChat('t', chat(hi, hello)); // tab B has it open
    const onSaveError = vi.fn();
    const off = tabB.subscribeThread('t', () => undefined);
    await tabA.remove('t');
    const tabC = open(storage(), { sync: false, onSaveError });
    await tabC.ready();
    await tabB.saveChat('t', chat(hi, hello, more));
    expect(tabB.getState().unsaved.t).toMatchObject({ kind: 'deleted' });
    expect(tabB.get('t')).toBeUndefined();
    expect(tabB.getState().threads).toEqual([]);
    const reloaded = open(storage());
    await reloaded.ready();
    expect(reloaded.get('t')).toBeUndefined();
    expect(reloaded.getState().threads).toEqual([]);
    off();
  });

  it('comes back when the stale tab restores it explicitly, and a new conversation may reuse the id', async () => {
    const tabA = open(storage(), { sync: false });
    const tabB = open(storage(), { sync: false });
    await tabA.saveChat('t', chat(hi, hello));
    await tabA.saveChat('new', chat(hi));
    await tabB.ready();
    await tabA.remove('t');
    await tabA.remove('new');
    await tabB.saveChat('t', chat(hi, hello, more), { restore: true });
    expect(tabB.getState().unsaved).toEqual({});
    // Made entirely after the deletion: not a stale copy.
    await tabA.saveChat('new', chat(message('n1', 'user', 'Fresh start', clock + 100)));
    expect(tabA.getState().unsaved).toEqual({});
    const reloaded = open(storage());
    await reloaded.ready();
    expect(reloaded.get('t')?.messageIds).toEqual(['u1', 'a1', 'u2']);
    expect(reloaded.get('new')?.messageIds).toEqual(['n1']);
  });
});

describe('the stale tab learns of the deletion', () => {
  it('over the channel: the thread leaves its list, its open copy is marked deleted, its chat says "not saved"', async () => {
    const storage = createIndexedDbThreadStorage({ name: 'tabs' });
    const tabA = open(storage);
    const tabB = open(createIndexedDbThreadStorage({ name: 'tabs' }));
    await tabA.saveChat('t', chat(hi, hello));
    await tabB.ready();
    const network = createScriptedFetch(() => [...text('ok'), finish('stop')]);
    const onStorageError = vi.fn();
    const chatB = createChatStore({
      client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
      scheduler: syncScheduler,
      persistence: tabB.persistence,
      conversationId: 't',
      onStorageError,
    });
    await waitFor(() => expect(chatB.getState().messageIds).toEqual(['u1', 'a1']));
    await tabA.remove('t');
    await waitFor(() => expect(chatB.getState().storage?.unsaved?.kind).toBe('deleted'));
    expect(tabB.getState().threads).toEqual([]);
    expect(tabB.getState().unsaved.t).toMatchObject({
      kind: 'deleted',
      message: expect.stringMatching(/another tab/),
    });
    expect(onStorageError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'deleted' }), undefined);
    // The conversation stays on screen, and sending more does not bring the thread back.
    await chatB.send('Still there?');
    expect(onStorageError).toHaveBeenLastCalledWith(
      expect.objectContaining({ kind: 'deleted' }),
      expect.any(ThreadDeletedError),
    );
    expect(chatB.getState().messageIds).toHaveLength(4);
    expect(chatB.getState().storage?.unsaved?.kind).toBe('deleted');
    expect(await storage.get('t')).toMatchObject({ deleted: true });
    // "Save it again" restores it, for both tabs.
    await chatB.save({ restore: true });
    expect(chatB.getState().storage).toBeUndefined();
    await waitFor(() => expect(tabA.get('t')?.messageIds).toHaveLength(4));
    chatB.destroy();
  });

  it('a chat over the thread store shows a refused write ("not saved") and clears it when Retry saving succeeds', async () => {
    const local = memoryWebStorage();
    const threads = open(createLocalStorageThreadStorage({ storage: local }));
    const network = createScriptedFetch(() => [...text('ok'), finish('stop')]);
    const store = createChatStore({
      client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
      scheduler: syncScheduler,
      persistence: threads.persistence,
      conversationId: 'c',
    });
    await store.send('First');
    local.failWrites = true;
    await store.send('Second');
    await waitFor(() => expect(store.getState().storage?.unsaved?.kind).toBe('quota'));
    expect(store.getState().messageIds).toHaveLength(4);
    local.failWrites = false;
    await store.save();
    expect(store.getState().storage).toBeUndefined();
    expect(JSON.parse(local.getItem('parley:thread:c')!).messageIds).toHaveLength(4);
    store.destroy();
  });
});

describe('deleting when storage is full', () => {
  it('removes the record when even the tombstone is refused, so the thread does not come back at the next load', async () => {
    const local = memoryWebStorage();
    const threads = open(createLocalStorageThreadStorage({ storage: local }));
    await threads.saveChat('t', chat(hi, hello));
    local.failWrites = true;
    const onSaveError = vi.fn();
    const full = open(createLocalStorageThreadStorage({ storage: local }), { onSaveError, sync: false });
    await full.ready();
    await full.remove('t');
    expect(onSaveError).toHaveBeenCalledWith(
      't',
      expect.objectContaining({ kind: 'quota' }),
      expect.anything(),
    );
    const reloaded = open(createLocalStorageThreadStorage({ storage: local }));
    await reloaded.ready();
    expect(reloaded.get('t')).toBeUndefined();
  });
});

describe('tombstones are garbage-collected', () => {
  it('removes tombstones older than tombstoneTtl at a later load, and keeps recent ones', async () => {
    const storage = createIndexedDbThreadStorage({ name: 'gc' });
    const threads = open(storage);
    await threads.create({ id: 'old' });
    await threads.create({ id: 'recent' });
    await threads.remove('old');
    clock += 1_000;
    await threads.remove('recent');
    const later = open(storage, { tombstoneTtl: 500 });
    await later.ready();
    await waitFor(async () =>
      expect(await storage.getAll()).toEqual([expect.objectContaining({ id: 'recent' })]),
    );
    expect(later.getState()).toMatchObject({ threads: [], issues: [] });
  });
});

describe('createLocalStoragePersistence tombstones', () => {
  it('refuses a stale tab’s save after remove, takes an explicit restore, and forgets the tombstone after its time', async () => {
    const local = memoryWebStorage();
    const tabA = createLocalStoragePersistence({ storage: local });
    const tabB = createLocalStoragePersistence({ storage: local, tombstoneTtl: 60_000 });
    const saved = { version: 1 as const, ...chat(hi, hello) };
    tabA.save('c', saved);
    tabB.load('c');
    await tabA.remove?.('c');
    expect(() => tabB.save('c', { ...saved, ...chat(hi, hello, more) })).toThrow(ThreadDeletedError);
    expect(tabB.load('c')).toBeUndefined();
    tabB.save('c', { ...saved, ...chat(hi, hello, more) }, { restore: true });
    expect(tabA.load('c')).toMatchObject({ messageIds: ['u1', 'a1', 'u2'] });
    await tabA.remove?.('c');
    const tombstone = JSON.parse(local.getItem('parley:chat:c')!);
    local.setItem('parley:chat:c', JSON.stringify({ ...tombstone, deletedAt: Date.now() - 120_000 }));
    expect(tabB.load('c')).toBeUndefined();
    expect(local.getItem('parley:chat:c')).toBeNull();
  });
});
