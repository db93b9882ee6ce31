/** Each persistence fault of issue 11, reproduced through createChatStore. */
import { describe, expect, it, vi } from 'vitest';
import { createParleyClient } from '../client.ts';
import { createScriptedFetch, finish, text } from './__fixtures__/scripted-fetch.ts';
import { waitFor } from './__fixtures__/wait-for.ts';
import { syncScheduler } from './chat-notify.ts';
import type { ChatPersistence, PersistedChat } from './chat-persistence.ts';
import { getMessageText, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatMessage } from './chat-types.ts';
import { createLocalStoragePersistence } from './local-storage-persistence.ts';
import { memoryWebStorage } from './threads/__fixtures__/threads.ts';

const said = (id: string, role: ChatMessage['role'], words: string): ChatMessage => ({
  id,
  role,
  parts: [{ type: 'text', text: words }],
  createdAt: 1,
  status: 'complete',
});

function chat(options: Partial<ChatStoreOptions>) {
  const network = createScriptedFetch((body) => [
    ...text(`re: ${String(body.messages.at(-1)?.content)}`),
    finish('stop'),
  ]);
  const store = createChatStore({
    client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
    scheduler: syncScheduler,
    conversationId: 'c',
    ...options,
  });
  const texts = () => selectMessages(store.getState()).map(getMessageText);
  return { store, texts };
}

const stored = (web: ReturnType<typeof memoryWebStorage>) =>
  JSON.parse(web.getItem('parley:chat:c') ?? 'null') as PersistedChat;

describe('persistence faults', () => {
  it('loads an entry with a null message (and one with `content` instead of `parts`), reporting what it skipped', () => {
    const web = memoryWebStorage();
    const { parts: _, ...old } = said('u2', 'user', '');
    web.setItem(
      'parley:chat:c',
      JSON.stringify({
        version: 1,
        messageIds: ['u1', 'a', 'u2'],
        messagesById: { u1: said('u1', 'user', 'Hi'), a: null, u2: { ...old, content: 'Old style' } },
        branches: {},
      }),
    );
    const { store, texts } = chat({ persistence: createLocalStoragePersistence({ storage: web }) });
    expect(texts()).toEqual(['Hi', 'Old style']);
    expect(store.getState().storage?.issues).toEqual([
      expect.objectContaining({ messageId: 'a', path: 'messagesById.a' }),
    ]);
  });

  it('restores an entry of an older shape and the first save keeps its messages', async () => {
    const web = memoryWebStorage();
    web.setItem(
      'parley:chat:c',
      JSON.stringify({ messages: [said('u1', 'user', 'Before'), said('a1', 'assistant', 'Long ago')] }),
    );
    const { store, texts } = chat({ persistence: createLocalStoragePersistence({ storage: web }) });
    expect(texts()).toEqual(['Before', 'Long ago']);
    await store.send('Now');
    await waitFor(() => expect(stored(web).messageIds).toHaveLength(4));
    expect(Object.values(stored(web).messagesById).map(getMessageText)).toEqual(
      expect.arrayContaining(['Before', 'Long ago', 'Now']),
    );
  });

  it('keeps all four messages when two tabs send on one conversation, and each tab shows the other’s', async () => {
    const web = memoryWebStorage();
    const tabA = chat({ persistence: createLocalStoragePersistence({ storage: web }) });
    const tabB = chat({ persistence: createLocalStoragePersistence({ storage: web }) });
    await tabA.store.send('From A');
    await waitFor(() => expect(stored(web)?.messageIds).toHaveLength(2));
    await tabB.store.send('From B');
    await waitFor(() => expect(Object.keys(stored(web).messagesById)).toHaveLength(4));
    await waitFor(() => expect(Object.keys(tabA.store.getState().messagesById)).toHaveLength(4));
    expect(Object.values(tabA.store.getState().messagesById).map(getMessageText).sort()).toEqual([
      'From A',
      'From B',
      're: From A',
      're: From B',
    ]);
  });

  it('waits for a slow asynchronous load before the first send, so stored history is never replaced', async () => {
    const history: PersistedChat = {
      version: 1,
      messageIds: ['u1', 'a1'],
      messagesById: { u1: said('u1', 'user', 'Earlier'), a1: said('a1', 'assistant', 'Answer') },
      branches: {},
    };
    let saved: PersistedChat | undefined;
    let release: () => void = () => undefined;
    const slow: ChatPersistence = {
      load: () =>
        new Promise((resolve) => {
          release = () => resolve(history);
        }),
      save: (_id, chat) => {
        saved = chat;
      },
    };
    const { store, texts } = chat({ persistence: slow });
    const sending = store.send('Later');
    setTimeout(() => release(), 20);
    await sending;
    expect(texts()).toEqual(['Earlier', 'Answer', 'Later', 're: Later']);
    await waitFor(() => expect(saved?.messageIds).toHaveLength(4));
  });

  it('surfaces a full quota as "not saved", keeps the conversation in memory, and clears it once a save succeeds', async () => {
    const web = memoryWebStorage();
    const onStorageError = vi.fn();
    const { store, texts } = chat({
      persistence: createLocalStoragePersistence({ storage: web }),
      onStorageError,
    });
    await store.send('One');
    await waitFor(() => expect(stored(web)?.messageIds).toHaveLength(2));
    web.failWrites = true;
    await store.send('Two');
    await waitFor(() => expect(store.getState().storage?.unsaved?.kind).toBe('quota'));
    expect(onStorageError).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'quota' }),
      expect.any(DOMException),
    );
    expect(texts()).toEqual(['One', 're: One', 'Two', 're: Two']);
    web.failWrites = false;
    await store.send('Three');
    await waitFor(() => expect(stored(web).messageIds).toHaveLength(6));
    await waitFor(() => expect(store.getState().storage?.unsaved).toBeUndefined());
  });
});
