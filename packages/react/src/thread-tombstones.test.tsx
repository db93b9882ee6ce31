/**
 * A thread deleted in one tab while another holds it open, over Chromium's real IndexedDB and
 * localStorage: two thread stores on one storage, told of each other's changes over
 * BroadcastChannel as two tabs are. The stale tab's save must not bring the thread back, and
 * `useThread` tells it the thread was deleted.
 */
import {
  type ChatMessage,
  createIndexedDbThreadStorage,
  createLocalStorageThreadStorage,
  createThreadStore,
  type ThreadStorage,
  type ThreadStore,
} from '@parley/client/chat';
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueName } from './__fixtures__/test-chat.tsx';
import { useThread } from './use-threads.ts';

const opened: ThreadStore[] = [];
const prefixes: string[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.destroy();
  for (const prefix of prefixes.splice(0))
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
});

/** Storages two tabs would each open on one origin: the same database, the same keys. */
const storages: [string, () => () => ThreadStorage][] = [
  [
    'IndexedDB',
    () => {
      const name = uniqueName('tombstones');
      return () => createIndexedDbThreadStorage({ name });
    },
  ],
  [
    'localStorage',
    () => {
      const prefix = `${uniqueName('tombstones')}:`;
      prefixes.push(prefix);
      return () => createLocalStorageThreadStorage({ prefix });
    },
  ],
];

function tab(storage: ThreadStorage, sync = true) {
  const store = createThreadStore({ storage, sync });
  opened.push(store);
  return store;
}

const said = (id: string, role: ChatMessage['role'], text: string, createdAt = Date.now()): ChatMessage => ({
  id,
  role,
  parts: [{ type: 'text', text }],
  createdAt,
  status: 'complete',
});
const chatOf = (...messages: ChatMessage[]) => ({
  messageIds: messages.map((message) => message.id),
  messagesById: Object.fromEntries(messages.map((message) => [message.id, message])),
  branches: {},
});
const start = [said('u1', 'user', 'Plan a trip', 1), said('a1', 'assistant', 'Where to?', 2)];

describe.each(storages)('a thread deleted in another tab (%s)', (_name, storageFor) => {
  it('leaves the other tab, whose open copy says deleted, and its save does not bring it back', async () => {
    const storage = storageFor();
    const tabA = tab(storage());
    const tabB = tab(storage());
    await tabA.saveChat('t', chatOf(...start));
    await waitFor(() => expect(tabB.get('t')?.messageIds).toEqual(['u1', 'a1']));
    const { result } = renderHook(() => useThread('t', tabB));
    expect(result.current.thread?.title).toBe('Plan a trip');

    await tabA.remove('t');
    await waitFor(() => expect(result.current.unsaved?.kind).toBe('deleted'));
    expect(result.current.thread).toBeUndefined();
    expect(tabB.getState().threads).toEqual([]);

    await tabB.saveChat('t', chatOf(...start, said('u2', 'user', 'And hotels?')));
    expect(result.current.unsaved?.kind).toBe('deleted');
    const fresh = tab(storage(), false);
    await fresh.ready();
    expect(fresh.get('t')).toBeUndefined();
    expect(tabA.get('t')).toBeUndefined();
  });

  it('refuses the save of a tab that has not heard of the deletion yet', async () => {
    const storage = storageFor();
    const tabA = tab(storage(), false);
    await tabA.saveChat('t', chatOf(...start));
    const stale = tab(storage(), false);
    await stale.ready();
    const { result } = renderHook(() => useThread('t', stale));
    await waitFor(() => expect(result.current.thread?.messageIds).toEqual(['u1', 'a1']));
    await tabA.remove('t');
    await stale.saveChat('t', chatOf(...start, said('u2', 'user', 'And hotels?')));
    await waitFor(() => expect(result.current.unsaved?.kind).toBe('deleted'));
    const fresh = tab(storage(), false);
    await fresh.ready();
    expect(fresh.get('t')).toBeUndefined();
    // Asked for explicitly, it comes back with the stale tab's messages.
    await stale.saveChat('t', chatOf(...start, said('u2', 'user', 'And hotels?')), { restore: true });
    const later = tab(storage(), false);
    await later.ready();
    expect(later.get('t')?.messageIds).toEqual(['u1', 'a1', 'u2']);
    expect(result.current.unsaved).toBeUndefined();
  });
});
