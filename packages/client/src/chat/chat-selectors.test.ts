import { describe, expect, it } from 'vitest';
import { getMessageMetrics, getMessageText, selectBranch } from './chat-selectors.ts';
import { createInitialChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';

const reply = (fields: Partial<ChatMessage>): ChatMessage => ({
  id: 'a',
  role: 'assistant',
  parts: [],
  createdAt: 0,
  status: 'complete',
  ...fields,
});

describe('getMessageMetrics', () => {
  it.each<{ name: string; message: ChatMessage; expected: ReturnType<typeof getMessageMetrics> }>([
    {
      name: 'a finished reply with usage gives every figure',
      message: reply({
        timing: { startedAt: 1000, firstTokenAt: 1250, endedAt: 3250 },
        usage: { prompt_tokens: 10, completion_tokens: 100, total_tokens: 110 },
        reasoning: { text: 'Hmm', details: [], durationMs: 400 },
      }),
      expected: { timeToFirstTokenMs: 250, totalMs: 2250, tokensPerSecond: 50, reasoningDurationMs: 400 },
    },
    {
      name: 'a reply still streaming has only its time to first token',
      message: reply({ status: 'streaming', timing: { startedAt: 1000, firstTokenAt: 1300 } }),
      expected: { timeToFirstTokenMs: 300 },
    },
    {
      name: 'without usage there is no speed',
      message: reply({ timing: { startedAt: 0, firstTokenAt: 100, endedAt: 600 } }),
      expected: { timeToFirstTokenMs: 100, totalMs: 600 },
    },
    {
      name: 'a reply that ended on its first token has no speed rather than an infinite one',
      message: reply({
        timing: { startedAt: 0, firstTokenAt: 100, endedAt: 100 },
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
      expected: { timeToFirstTokenMs: 100, totalMs: 100 },
    },
    { name: 'a message without timing has none', message: reply({}), expected: {} },
  ])('$name', ({ message, expected }) => {
    expect(getMessageMetrics(message)).toEqual(expected);
  });
});

describe('getMessageText', () => {
  it('joins text parts as paragraphs and skips the other parts', () => {
    const message = reply({
      parts: [
        { type: 'text', text: 'Look:' },
        { type: 'image', url: 'https://example.test/a.png' },
        { type: 'text', text: 'a cat.' },
      ],
    });
    expect(getMessageText(message)).toBe('Look:\n\na cat.');
    expect(getMessageText(reply({}))).toBe('');
  });
});

describe('selectBranch', () => {
  it('says which alternative a message starts, and none for a message without alternatives', () => {
    const state = {
      ...createInitialChatState([reply({ id: 'u', role: 'user' }), reply({ id: 'b' })]),
      branches: { a: { ids: [['a'], ['b']], active: 1 }, b: { ids: [['a'], ['b']], active: 1 } },
    };
    expect(selectBranch(state, 'b')).toEqual({ index: 1, count: 2 });
    expect(selectBranch(state, 'a')).toEqual({ index: 0, count: 2 });
    expect(selectBranch(state, 'u')).toBeUndefined();
  });
});
