import { describe, expect, it } from 'vitest';
import { createParleyClient } from '../client.ts';
import { createScriptedFetch, finish, reasoning, text, toolCalls } from './__fixtures__/scripted-fetch.ts';
import { waitFor } from './__fixtures__/wait-for.ts';
import { syncScheduler } from './chat-notify.ts';
import type { StorageLike } from './chat-persistence.ts';
import { getMessageText, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatMessage } from './chat-types.ts';
import { createLocalStoragePersistence } from './local-storage-persistence.ts';

function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A store saving conversation `id` to memory, its replies scripted by `script`. */
function savingStore(id: string, script: Parameters<typeof createScriptedFetch>[0]) {
  const storage = memoryStorage();
  const persistence = createLocalStoragePersistence({ storage });
  const first = createChatStore({
    client: createParleyClient({
      baseURL: 'http://simulated.test/api/v1',
      fetch: createScriptedFetch(script).fetch,
    }),
    scheduler: syncScheduler,
    persistence,
    conversationId: id,
  });
  return { storage, persistence, first };
}

describe('createChatStore: persistence', () => {
  it('saves the conversation and restores it, reasoning duration included, in a new store', async () => {
    const { storage, persistence, first } = savingStore('c1', () => [
      reasoning('Hmm'),
      ...text('Answer'),
      finish('stop'),
    ]);
    await first.send('Question');
    await waitFor(() => expect(storage.items.has('parley:chat:c1')).toBe(true));

    const second = createChatStore({ persistence, conversationId: 'c1', scheduler: syncScheduler });
    const restored = selectMessages(second.getState());
    expect(restored.map(getMessageText)).toEqual(['Question', 'Answer']);
    expect(restored[1]?.reasoning?.durationMs).toBe(
      selectMessages(first.getState())[1]?.reasoning?.durationMs,
    );
    expect(restored[1]?.reasoning?.durationMs).toBeTypeOf('number');
    expect(createChatStore({ persistence, conversationId: 'other' }).getState().messageIds).toEqual([]);
  });

  it('restores how much of the context the last reply used, beside the total of every reply', async () => {
    const { storage, persistence, first } = savingStore('usage', (_body, index) => [
      ...text('Answer'),
      finish('stop', {
        prompt_tokens: 10 * (index + 1),
        completion_tokens: 5,
        total_tokens: 10 * (index + 1) + 5,
      }),
    ]);
    await first.send('One');
    await first.send('Two');
    await waitFor(() => expect(storage.items.get('parley:chat:usage')).toContain('Two'));

    const second = createChatStore({ persistence, conversationId: 'usage', scheduler: syncScheduler });
    // The context window of the reopened conversation: the last request's prompt and reply, not nothing.
    expect(second.getState().usage).toMatchObject({ prompt_tokens: 20, total_tokens: 25 });
    expect(second.getState().usageTotal).toMatchObject({ total_tokens: 40 });
  });

  it('keeps when each tool call ran, so a restored conversation still knows how long', async () => {
    const storage = memoryStorage();
    const persistence = createLocalStoragePersistence({ storage });
    const network = createScriptedFetch((body) =>
      body.messages.at(-1)?.role === 'tool'
        ? [...text('Sunny.'), finish('stop')]
        : [toolCalls({ id: 'c1', name: 'weather', args: '{}' }), finish('tool_calls')],
    );
    const first = createChatStore({
      client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
      scheduler: syncScheduler,
      persistence,
      conversationId: 'tools',
      tools: {
        weather: {
          parameters: { type: 'object' },
          execute: () => new Promise((resolve) => setTimeout(() => resolve('sunny'), 40)),
        },
      },
    });
    await first.send('Weather?');
    const ran = selectMessages(first.getState()).find((message) => message.toolCalls)?.toolCalls?.[0];
    expect(ran?.state).toBe('done');
    expect(ran?.startedAt).toBeTypeOf('number');
    // Timers may fire a millisecond early; the call took about as long as its executor.
    expect((ran?.endedAt ?? 0) - (ran?.startedAt ?? 0)).toBeGreaterThanOrEqual(35);
    await waitFor(() => expect(storage.items.get('parley:chat:tools')).toContain('Sunny.'));

    const second = createChatStore({ persistence, conversationId: 'tools', scheduler: syncScheduler });
    const restored = selectMessages(second.getState()).find((message) => message.toolCalls)?.toolCalls?.[0];
    expect(restored).toMatchObject({ state: 'done', startedAt: ran?.startedAt, endedAt: ran?.endedAt });
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
