import { describe, expect, it } from 'vitest';
import { createParleyClient } from '../client.ts';
import type { ChatCompletionParams } from '../wire-types.ts';
import { createScriptedFetch, finish, text } from './__fixtures__/scripted-fetch.ts';
import { syncScheduler } from './chat-notify.ts';
import { getMessageText, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';

function setup() {
  let count = 0;
  const network = createScriptedFetch((body: ChatCompletionParams) => {
    count += 1;
    const last = [...body.messages].reverse().find((message) => message.role === 'user');
    return [...text(`reply ${count} to ${String(last?.content)}`), finish('stop')];
  });
  const store = createChatStore({
    client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
    scheduler: syncScheduler,
  });
  const texts = () => selectMessages(store.getState()).map(getMessageText);
  const all = () => Object.keys(store.getState().messagesById).length;
  const idOf = (label: string) =>
    selectMessages(store.getState()).find((message) => getMessageText(message) === label)?.id ?? '';
  return { store, texts, all, idOf };
}

/** Two turns, the second reply regenerated twice: 7 messages, 4 visible. */
async function conversationWithAlternatives() {
  const chat = setup();
  await chat.store.send('First');
  await chat.store.send('Second');
  await chat.store.regenerate();
  await chat.store.regenerate();
  expect(chat.texts()).toEqual(['First', 'reply 1 to First', 'Second', 'reply 4 to Second']);
  expect(chat.all()).toBe(6);
  await chat.store.send('Third');
  expect(chat.all()).toBe(8);
  return chat;
}

describe('createChatStore: deleting messages', () => {
  it('deletes exactly the message asked for and keeps every regenerated alternative', async () => {
    const { store, texts, all, idOf } = await conversationWithAlternatives();
    store.deleteMessage(idOf('Third'));
    expect(all()).toBe(7);
    expect(texts()).toEqual(['First', 'reply 1 to First', 'Second', 'reply 4 to Second', 'reply 5 to Third']);
    const shown = idOf('reply 4 to Second');
    expect(store.getBranch(shown)).toEqual({ index: 2, count: 3 });
    store.switchBranch(shown, 0);
    expect(texts()).toEqual(['First', 'reply 1 to First', 'Second', 'reply 2 to Second']);
  });

  it('deletes an unrelated earlier message without touching the branches after it', async () => {
    const { store, texts, all, idOf } = await conversationWithAlternatives();
    store.deleteMessage(idOf('reply 1 to First'));
    expect(all()).toBe(7);
    expect(texts()).toEqual(['First', 'Second', 'reply 4 to Second', 'Third', 'reply 5 to Third']);
    expect(store.getBranch(idOf('reply 4 to Second'))).toEqual({ index: 2, count: 3 });
  });

  it('deleting the shown last reply shows another alternative instead of hiding them all', async () => {
    const { store, texts, idOf } = setup();
    await store.send('Second');
    await store.regenerate();
    await store.regenerate();
    store.deleteMessage(idOf('reply 3 to Second'));
    expect(texts()).toEqual(['Second', 'reply 2 to Second']);
    expect(store.getBranch(idOf('reply 2 to Second'))).toEqual({ index: 1, count: 2 });
    expect(Object.keys(store.getState().messagesById)).toHaveLength(3);
  });

  it('deletes a whole turn with its own alternatives only', async () => {
    const { store, texts, all, idOf } = await conversationWithAlternatives();
    store.deleteMessage(idOf('Second'), { turn: true });
    expect(texts()).toEqual(['First', 'reply 1 to First', 'Third', 'reply 5 to Third']);
    // Second, its shown reply and the two alternatives of that reply: 8 - 4.
    expect(all()).toBe(4);
    expect(store.getState().branches).toEqual({});
  });
});
