import { describe, expect, it, vi } from 'vitest';
import type { ChatCompletionParams } from '../wire-types.ts';
import { createScriptedFetch, finish, reasoning, text } from './__fixtures__/scripted-fetch.ts';
import { createLocalStoragePersistence, type StorageLike } from './chat-persistence.ts';
import { syncScheduler } from './chat-scheduler.ts';
import { createChatStore } from './chat-store.ts';
import { selectMessages } from './chat-store-helpers.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatMessage } from './chat-types.ts';
import { getMessageText } from './to-request-messages.ts';

/** Answers "reply N to <last user text>". */
function numbered() {
  let count = 0;
  return (body: ChatCompletionParams) => {
    count += 1;
    const last = [...body.messages].reverse().find((message) => message.role === 'user');
    return [...text(`reply ${count} to ${String(last?.content)}`), finish('stop')];
  };
}

function setup(options: Partial<ChatStoreOptions> = {}) {
  const network = createScriptedFetch(numbered());
  const store = createChatStore({
    baseURL: 'http://simulated.test/api/v1',
    fetch: network.fetch,
    scheduler: syncScheduler,
    ...options,
  });
  const texts = () => selectMessages(store.getState()).map(getMessageText);
  return { store, network, texts };
}

function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('createChatStore: regenerate, edit and branches', () => {
  it('keeps a regenerated reply as a branch the user can switch back to', async () => {
    const { store, texts } = setup();
    await store.send('Hi');
    const [, first] = store.getState().messageIds;
    await store.regenerate();
    expect(texts()).toEqual(['Hi', 'reply 2 to Hi']);
    const second = store.getState().messageIds[1]!;
    expect(store.getBranch(second)).toEqual({ index: 1, count: 2 });
    store.switchBranch(second, 0);
    expect(texts()).toEqual(['Hi', 'reply 1 to Hi']);
    expect(store.getState().messageIds[1]).toBe(first);
    expect(store.getBranch(first!)).toEqual({ index: 0, count: 2 });
  });

  it('edits a user message, answers the new text, and keeps the old exchange as a branch', async () => {
    const { store, network, texts } = setup();
    await store.send('Hi');
    await store.send('How are you?');
    const question = store.getState().messageIds[2]!;
    await store.edit(question, 'How old are you?');
    expect(texts()).toEqual(['Hi', 'reply 1 to Hi', 'How old are you?', 'reply 3 to How old are you?']);
    expect(network.requests[2]?.messages.at(-1)).toEqual({ role: 'user', content: 'How old are you?' });
    const edited = store.getState().messageIds[2]!;
    expect(store.getBranch(edited)).toEqual({ index: 1, count: 2 });
    store.switchBranch(edited, 0);
    expect(texts()).toEqual(['Hi', 'reply 1 to Hi', 'How are you?', 'reply 2 to How are you?']);
  });

  it('replaces the conversation with setMessages and goes back to the initial messages with reset', async () => {
    const system: ChatMessage = {
      id: 's',
      role: 'system',
      parts: [{ type: 'text', text: 'Be brief.' }],
      createdAt: 0,
      status: 'complete',
    };
    const { store, texts } = setup({ initialMessages: [system] });
    await store.send('Hi');
    store.setMessages([{ ...system, id: 'u', role: 'user', parts: [{ type: 'text', text: 'Restored' }] }]);
    expect(texts()).toEqual(['Restored']);
    store.reset();
    expect(texts()).toEqual(['Be brief.']);
    expect(store.getState().status).toBe('idle');
  });
});

describe('createChatStore: persistence', () => {
  it('saves the conversation and restores it, reasoning duration included, in a new store', async () => {
    const storage = memoryStorage();
    const persistence = createLocalStoragePersistence({ storage });
    const network = createScriptedFetch(() => [reasoning('Hmm'), ...text('Answer'), finish('stop')]);
    const first = createChatStore({
      baseURL: 'http://simulated.test/api/v1',
      fetch: network.fetch,
      scheduler: syncScheduler,
      persistence,
      conversationId: 'c1',
    });
    await first.send('Question');
    await vi.waitFor(() => expect(storage.items.has('parley:chat:c1')).toBe(true));

    const second = createChatStore({ persistence, conversationId: 'c1', scheduler: syncScheduler });
    const restored = selectMessages(second.getState());
    expect(restored.map(getMessageText)).toEqual(['Question', 'Answer']);
    expect(restored[1]?.reasoning?.durationMs).toBe(
      selectMessages(first.getState())[1]?.reasoning?.durationMs,
    );
    expect(restored[1]?.reasoning?.durationMs).toBeTypeOf('number');
    expect(createChatStore({ persistence, conversationId: 'other' }).getState().messageIds).toEqual([]);
  });

  it('restores a reply saved mid-stream as aborted', () => {
    const storage = memoryStorage();
    const streaming: ChatMessage = {
      id: 'a',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Half' }],
      createdAt: 0,
      status: 'streaming',
    };
    storage.setItem(
      'parley:chat:x',
      JSON.stringify({ version: 1, messageIds: ['a'], messagesById: { a: streaming }, branches: {} }),
    );
    const store = createChatStore({
      persistence: createLocalStoragePersistence({ storage }),
      conversationId: 'x',
    });
    expect(store.getState().messagesById.a?.status).toBe('aborted');
  });

  it('ignores an unreadable saved entry', () => {
    const storage = memoryStorage();
    storage.setItem('parley:chat:x', '{not json');
    const store = createChatStore({
      persistence: createLocalStoragePersistence({ storage }),
      conversationId: 'x',
    });
    expect(store.getState().messageIds).toEqual([]);
  });
});
