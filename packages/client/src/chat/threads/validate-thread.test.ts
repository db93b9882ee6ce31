import { describe, expect, it } from 'vitest';
import { message, thread } from './__fixtures__/threads.ts';
import { parseThread } from './validate-thread.ts';

describe('parseThread: every message checked on its own', () => {
  it('skips a null message and reports it, keeping the rest of the conversation', () => {
    const stored = {
      ...thread('t', [message('u1', 'user', 'Hi')]),
      messageIds: ['u1', 'a'],
      messagesById: { u1: message('u1', 'user', 'Hi'), a: null },
    };
    const { thread: parsed, issues } = parseThread(stored);
    expect(parsed?.messageIds).toEqual(['u1']);
    expect(issues).toEqual([
      { threadId: 't', messageId: 'a', path: 'messagesById.a', message: expect.any(String) },
    ]);
  });

  it('reads a message with `content` instead of `parts` as one text part', () => {
    const { parts, ...rest } = message('u1', 'user', 'ignored');
    const stored = {
      ...thread('t', []),
      messageIds: ['u1'],
      messagesById: { u1: { ...rest, content: 'Hello there' } },
    };
    const { thread: parsed, issues } = parseThread(stored);
    expect(issues).toEqual([]);
    expect(parsed?.messagesById.u1?.parts).toEqual([{ type: 'text', text: 'Hello there' }]);
  });

  it('skips messages with an unknown part, a bad role, a wrong id or broken tool calls, each reported', () => {
    const good = message('u1', 'user', 'Hi');
    const stored = {
      ...thread('t', [good]),
      messageIds: ['u1', 'p', 'r', 'i', 'c'],
      messagesById: {
        u1: good,
        p: { ...message('p', 'user', 'x'), parts: [{ type: 'hologram' }] },
        r: { ...message('r', 'user', 'x'), role: 'narrator' },
        i: message('other', 'user', 'x'),
        c: { ...message('c', 'assistant', ''), toolCalls: [{ id: 1 }] },
      },
    };
    const { thread: parsed, issues } = parseThread(stored);
    expect(parsed?.messageIds).toEqual(['u1']);
    expect(issues.map((issue) => issue.messageId)).toEqual(['p', 'r', 'i', 'c']);
  });

  it('drops a broken branch record and ids that point nowhere, never throwing', () => {
    const stored = {
      ...thread('t', [message('u1', 'user', 'Hi')]),
      messageIds: ['u1', 'u1', 'ghost'],
      branches: { x: { ids: 'no', active: 0 }, y: { ids: [['u1']], active: 3 } },
    };
    const { thread: parsed, issues } = parseThread(stored);
    expect(parsed?.messageIds).toEqual(['u1']);
    expect(parsed?.branches).toEqual({});
    expect(issues.map((issue) => issue.path)).toEqual(['branches.x', 'branches.y']);
  });
});
