/**
 * A conversation with the reasoning model never locks: a reply cut before its finish goes back with
 * what arrived whole, and the simulator asks for reasoning_details only where providers do (the
 * assistant turn a tool round continues from; see `generate/reasoner.test.ts`).
 */
import { createParleyClient } from '@parley/client';
import { createChatStore, getMessageText, selectMessages, syncScheduler } from '@parley/client/chat';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './testing/harness.ts';

const simulator = useSimulator();

function reasonerChat() {
  let scenario: string | undefined;
  const chat = createChatStore({
    client: createParleyClient({ baseURL: simulator().baseURL, maxRetries: 0 }),
    model: 'parley/reasoner',
    scheduler: syncScheduler,
    params: () => (scenario ? { metadata: { parley_scenario: scenario } } : {}),
  });
  const cut = (value: string | undefined) => {
    scenario = value;
  };
  return { chat, cut };
}

describe('a reply cut before its finish, from a reasoning model', () => {
  it('does not lock the conversation: the next turn and a retry succeed', async () => {
    const { chat, cut } = reasonerChat();
    // Every token arrives (reasoning, signature, answer), then an error before the finish chunk.
    cut('error-mid-stream;after=100000');
    await chat.send('Why do cats purr?');
    const [, cutReply] = selectMessages(chat.getState());
    expect(cutReply?.status).toBe('error');
    expect(
      cutReply?.reasoning?.details.some((detail) => detail.type === 'reasoning.text' && detail.signature),
    ).toBe(true);
    cut(undefined);
    await chat.send('And dogs?');
    const messages = selectMessages(chat.getState());
    expect(messages.map((message) => message.status)).toEqual(['complete', 'error', 'complete', 'complete']);
    expect(chat.getState().error).toBeUndefined();
    await chat.send('And birds?');
    expect(selectMessages(chat.getState()).at(-1)?.status).toBe('complete');
  });

  it('drops an entry cut mid-reasoning (no signature yet) and still continues', async () => {
    const { chat, cut } = reasonerChat();
    cut('error-mid-stream;after=3');
    await chat.send('Why is the sky blue?');
    const [, cutReply] = selectMessages(chat.getState());
    expect(cutReply?.status).toBe('error');
    cut(undefined);
    await chat.retry();
    expect(selectMessages(chat.getState()).at(-1)?.status).toBe('complete');
    expect(getMessageText(selectMessages(chat.getState()).at(-1)!)).not.toBe('');
  });
});
