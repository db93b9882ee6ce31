import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatOf as chat, memoryWebStorage, message } from './__fixtures__/threads.ts';
import {
  createIndexedDbThreadStorage,
  createLocalStorageThreadStorage,
  createMemoryThreadStorage,
} from './thread-storages.ts';
import { createThreadStore } from './thread-store.ts';
import type { Thread, ThreadStore } from './thread-types.ts';

let clock = 1_000;
const now = () => ++clock;
const stores: ThreadStore[] = [];
function open(storage = createIndexedDbThreadStorage({ name: 'test' }), extra = {}) {
  const store = createThreadStore({ storage, now, ...extra });
  stores.push(store);
  return store;
}

/** Resolves when `store`'s copy of thread `id` satisfies `check` (another tab's change arrives asynchronously). */
function until(
  store: ThreadStore,
  id: string,
  check: (thread: Thread | undefined) => boolean,
): Promise<void> {
  if (check(store.get(id))) return Promise.resolve();
  return new Promise((resolve) => {
    const off = store.subscribeThread(id, (thread) => {
      if (!check(thread)) return;
      off();
      resolve();
    });
  });
}

beforeEach(() => {
  // A fresh IndexedDB per test (fake-indexeddb: the same engine semantics as a browser's, in Node).
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

describe('createThreadStore: the list', () => {
  it('creates, renames, pins and deletes threads, ordered pinned first then last updated, and keeps them across reloads', async () => {
    const threads = open();
    const first = await threads.create({ messages: [message('u1', 'user', 'Plan a trip to Lisbon')] });
    const second = await threads.create({ title: 'Groceries' });
    expect(first.title).toBe('Plan a trip to Lisbon');
    expect(threads.getState().threads.map((thread) => thread.title)).toEqual([
      'Groceries',
      'Plan a trip to Lisbon',
    ]);
    await threads.pin(first.id);
    await threads.rename(second.id, '  Weekly groceries ');
    expect(threads.getState().threads.map((thread) => [thread.title, thread.pinned])).toEqual([
      ['Plan a trip to Lisbon', true],
      ['Weekly groceries', false],
    ]);
    const reloaded = open();
    await reloaded.ready();
    expect(reloaded.getState()).toMatchObject({ status: 'ready', issues: [] });
    expect(reloaded.getState().threads.map((thread) => thread.title)).toEqual([
      'Plan a trip to Lisbon',
      'Weekly groceries',
    ]);
    expect(reloaded.get(first.id)?.messagesById.u1?.parts).toEqual([
      { type: 'text', text: 'Plan a trip to Lisbon' },
    ]);
  });

  it('moves a thread to the top when a message is saved into it', async () => {
    const threads = open();
    const older = await threads.create({ title: 'Older' });
    await threads.create({ title: 'Newer' });
    await threads.saveChat(older.id, chat(message('u1', 'user', 'Back again')));
    expect(threads.getState().threads[0]).toMatchObject({
      title: 'Older',
      messageCount: 1,
      preview: 'Back again',
    });
  });

  it('searches titles and the text of every message, case- and accent-insensitively', async () => {
    const threads = open();
    await threads.create({ title: 'Café plans', messages: [message('u1', 'user', 'Where to meet?')] });
    const recipe = await threads.create({
      title: 'Dinner',
      messages: [message('u2', 'user', 'A recipe with LEEKS')],
    });
    expect(threads.search('cafe').map((thread) => thread.title)).toEqual(['Café plans']);
    expect(threads.search('leeks recipe').map((thread) => thread.id)).toEqual([recipe.id]);
    expect(threads.search('')).toHaveLength(2);
    expect(threads.search('nothing like this')).toEqual([]);
  });

  it('deletes a thread and puts it back whole on undo', async () => {
    const threads = open();
    const thread = await threads.create({ title: 'Keep me', messages: [message('u1', 'user', 'Hi')] });
    const removed = await threads.remove(thread.id);
    expect(threads.getState().threads).toEqual([]);
    // Only a tombstone stays: the id and when, none of the conversation.
    expect(await createIndexedDbThreadStorage({ name: 'test' }).get(thread.id)).toEqual({
      version: 2,
      id: thread.id,
      deleted: true,
      deletedAt: expect.any(Number),
    });
    await threads.restore(removed!);
    const reloaded = open();
    await reloaded.ready();
    expect(reloaded.get(thread.id)).toEqual(removed);
  });
});

describe('createThreadStore: reading what is stored', () => {
  it('loads a thread with a null message, skipping it and reporting it, never throwing', async () => {
    const storage = createMemoryThreadStorage();
    const onIssues = vi.fn();
    storage.put({ ...(await open(storage).create({ id: 't', messages: [message('u1', 'user', 'Hi')] })) });
    const stored = storage.get('t') as Thread;
    storage.put({
      ...stored,
      messageIds: ['u1', 'a'],
      messagesById: { ...stored.messagesById, a: null as never },
    });
    const threads = open(storage, { onIssues });
    await threads.ready();
    expect(threads.get('t')?.messageIds).toEqual(['u1']);
    expect(threads.getState().issues).toEqual([expect.objectContaining({ threadId: 't', messageId: 'a' })]);
    expect(onIssues).toHaveBeenCalledOnce();
  });

  it('migrates an entry of the old localStorage persistence (version 1), and saving keeps its messages', async () => {
    const web = memoryWebStorage();
    const v1 = {
      version: 1,
      messageIds: ['u1', 'a1'],
      messagesById: { u1: message('u1', 'user', 'Hi'), a1: message('a1', 'assistant', 'Hello') },
      branches: {},
    };
    web.setItem('parley:chat:support', JSON.stringify(v1));
    const threads = open(createLocalStorageThreadStorage({ storage: web, prefix: 'parley:chat:' }));
    await threads.ready();
    expect(threads.get('support')?.messageIds).toEqual(['u1', 'a1']);
    await threads.saveChat(
      'support',
      chat(message('u1', 'user', 'Hi'), message('a1', 'assistant', 'Hello'), message('u2', 'user', 'More')),
    );
    expect(JSON.parse(web.getItem('parley:chat:support')!).messageIds).toEqual(['u1', 'a1', 'u2']);
  });
});

describe('createThreadStore: two tabs on one thread', () => {
  it('keeps all four messages when two tabs each add a turn at once (IndexedDB), and each tab sees the other’s', async () => {
    const tabA = open();
    const tabB = open();
    await Promise.all([tabA.ready(), tabB.ready()]);
    const start = [message('u1', 'user', 'Hi'), message('a1', 'assistant', 'Hello')];
    await tabA.saveChat('t', chat(...start));
    await until(tabB, 't', (thread) => thread?.messageIds.length === 2);
    await Promise.all([
      tabA.saveChat('t', chat(...start, message('ua', 'user', 'From A'), message('aa', 'assistant', 'A!'))),
      tabB.saveChat('t', chat(...start, message('ub', 'user', 'From B'), message('ab', 'assistant', 'B!'))),
    ]);
    const all = ['a1', 'aa', 'ab', 'u1', 'ua', 'ub'];
    await until(tabA, 't', (thread) => Object.keys(thread?.messagesById ?? {}).length === 6);
    await until(tabB, 't', (thread) => Object.keys(thread?.messagesById ?? {}).length === 6);
    const stored = (await createIndexedDbThreadStorage({ name: 'test' }).get('t')) as Thread;
    expect(Object.keys(stored.messagesById).sort()).toEqual(all);
  });

  it('stores a save made after it is destroyed (a chat outliving its list) without calling it unsaved', async () => {
    const threads = open();
    await threads.ready();
    threads.destroy();
    await threads.saveChat('t', chat(message('u1', 'user', 'Hi')));
    expect(threads.getState().unsaved).toEqual({});
    const stored = (await createIndexedDbThreadStorage({ name: 'test' }).get('t')) as Thread;
    expect(stored.messageIds).toEqual(['u1']);
  });

  it('does not bring back a message one tab deleted when the other saves', async () => {
    const tabA = open();
    const tabB = open();
    const start = [
      message('u1', 'user', 'Hi'),
      message('a1', 'assistant', 'Hello'),
      message('u2', 'user', 'Bye'),
    ];
    await tabA.saveChat('t', chat(...start));
    await until(tabB, 't', (thread) => thread?.messageIds.length === 3);
    await tabA.saveChat('t', chat(start[0]!, start[1]!));
    await until(tabB, 't', (thread) => thread?.messageIds.length === 2);
    await tabB.saveChat('t', chat(start[0]!, start[1]!, message('u3', 'user', 'New')));
    const stored = (await createIndexedDbThreadStorage({ name: 'test' }).get('t')) as Thread;
    expect(stored.messageIds).toEqual(['u1', 'a1', 'u3']);
  });

  it('shows a thread created or deleted in another tab', async () => {
    const tabA = open();
    const tabB = open();
    await tabB.ready();
    const thread = await tabA.create({ title: 'Shared' });
    await until(tabB, thread.id, (found) => found?.title === 'Shared');
    expect(tabB.getState().threads.map((summary) => summary.title)).toEqual(['Shared']);
    await tabA.remove(thread.id);
    await until(tabB, thread.id, (found) => found === undefined);
    expect(tabB.getState().threads).toEqual([]);
  });
});

describe('createThreadStore: storage failures', () => {
  it('marks a thread "not saved" when localStorage is full, keeps it in memory, and clears the mark once a save succeeds', async () => {
    const web = memoryWebStorage();
    const onSaveError = vi.fn();
    const threads = open(createLocalStorageThreadStorage({ storage: web }), { onSaveError });
    await threads.saveChat('t', chat(message('u1', 'user', 'One')));
    web.failWrites = true;
    await threads.saveChat('t', chat(message('u1', 'user', 'One'), message('u2', 'user', 'Two')));
    expect(threads.getState().unsaved.t).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(/full/),
    });
    expect(onSaveError).toHaveBeenCalledWith(
      't',
      expect.objectContaining({ kind: 'quota' }),
      expect.any(DOMException),
    );
    expect(threads.get('t')?.messageIds).toEqual(['u1', 'u2']);
    web.failWrites = false;
    await threads.saveChat(
      't',
      chat(message('u1', 'user', 'One'), message('u2', 'user', 'Two'), message('u3', 'user', 'Three')),
    );
    expect(threads.getState().unsaved).toEqual({});
    expect(JSON.parse(web.getItem('parley:thread:t')!).messageIds).toEqual(['u1', 'u2', 'u3']);
  });

  it('reports a storage that cannot be read at all as an issue and starts empty', async () => {
    const broken = {
      ...createMemoryThreadStorage(),
      getAll: () => Promise.reject(new Error('database closed')),
    };
    const threads = open(broken);
    await threads.ready();
    expect(threads.getState()).toMatchObject({
      status: 'ready',
      threads: [],
      issues: [{ message: expect.stringMatching(/closed/) }],
    });
  });
});
