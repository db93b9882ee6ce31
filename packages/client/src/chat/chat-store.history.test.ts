import { describe, expect, it } from 'vitest';
import { createParleyClient } from '../client.ts';
import type { ChatCompletionParams } from '../wire-types.ts';
import { createScriptedFetch, finish, text } from './__fixtures__/scripted-fetch.ts';
import { syncScheduler } from './chat-notify.ts';
import { getMessageText, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatMessage } from './chat-types.ts';

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
    client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
    scheduler: syncScheduler,
    ...options,
  });
  const texts = () => selectMessages(store.getState()).map(getMessageText);
  return { store, network, texts };
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
