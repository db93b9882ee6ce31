import { describe, expect, it } from 'vitest';
import type { ChatEvent } from './chat-events.ts';
import { type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';
import { reduceChat } from './reduce-chat.ts';

const message = (id: string, role: ChatMessage['role'] = 'user'): ChatMessage => ({
  id,
  role,
  parts: [{ type: 'text', text: id }],
  createdAt: 1,
  status: 'complete',
});

function startedChat(size: number): ChatState {
  const messages = Array.from({ length: size }, (_, index) =>
    message(`m${index}`, index % 2 ? 'assistant' : 'user'),
  );
  return reduceChat(createInitialChatState(messages), { type: 'request-start', messageId: 'a', at: 0 });
}

const deltas: { name: string; event: ChatEvent }[] = [
  { name: 'text-delta', event: { type: 'text-delta', messageId: 'a', text: 'x', at: 1 } },
  { name: 'reasoning-delta', event: { type: 'reasoning-delta', messageId: 'a', text: 'hmm', at: 1 } },
  {
    name: 'tool-call-delta',
    event: {
      type: 'tool-call-delta',
      messageId: 'a',
      deltas: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{' } }],
      at: 1,
    },
  },
  { name: 'refusal-delta', event: { type: 'refusal-delta', messageId: 'a', text: 'no', at: 1 } },
  {
    name: 'a batch of deltas',
    event: {
      type: 'batch',
      events: [
        { type: 'text-delta', messageId: 'a', text: 'x', at: 1 },
        { type: 'text-delta', messageId: 'a', text: 'y', at: 2 },
      ],
    },
  },
];

describe('reduceChat structural sharing', () => {
  it.each(deltas)('a $name replaces only the streaming message and messagesById', ({ event }) => {
    const before = startedChat(1000);
    const after = reduceChat(before, event);
    expect(after).not.toBe(before);
    expect(after.messagesById).not.toBe(before.messagesById);
    expect(after.messagesById.a).not.toBe(before.messagesById.a);
    expect(after.messageIds).toBe(before.messageIds);
    expect(after.branches).toBe(before.branches);
    for (const id of before.messageIds) {
      if (id !== 'a') expect(after.messagesById[id]).toBe(before.messagesById[id]);
    }
  });

  it('replaces only the text part a token touched', () => {
    const reasoned = reduceChat(startedChat(3), { type: 'text-delta', messageId: 'a', text: 'Hi', at: 1 });
    const withReasoning = reduceChat(reasoned, {
      type: 'reasoning-delta',
      messageId: 'a',
      text: 'why',
      at: 2,
    });
    // A streaming reply's entry changes in place (see messages-record.ts): keep the message, not the state.
    const closed = reduceChat(withReasoning, { type: 'text-delta', messageId: 'a', text: '!', at: 3 });
    const closedMessage = closed.messagesById.a;
    const next = reduceChat(closed, { type: 'text-delta', messageId: 'a', text: '!', at: 4 });
    expect(next.messagesById.a).not.toBe(closedMessage);
    expect(next.messagesById.a?.reasoning).toBe(closedMessage?.reasoning);
    expect(next.messagesById.a?.timing).toBe(closedMessage?.timing);
    const calls = reduceChat(next, {
      type: 'tool-call-delta',
      messageId: 'a',
      deltas: [
        { index: 0, id: 'c0', function: { name: 'f', arguments: '{}' } },
        { index: 1, id: 'c1', function: { name: 'g', arguments: '{' } },
      ],
      at: 4,
    });
    const before = calls.messagesById.a;
    const more = reduceChat(calls, {
      type: 'tool-call-delta',
      messageId: 'a',
      deltas: [{ index: 1, function: { arguments: '}' } }],
      at: 5,
    });
    expect(more.messagesById.a?.toolCalls?.[0]).toBe(before?.toolCalls?.[0]);
    expect(more.messagesById.a?.toolCalls?.[1]).not.toBe(before?.toolCalls?.[1]);
    expect(more.messagesById.a?.parts).toBe(before?.parts);
  });

  it('returns the same state for a delta that changes nothing', () => {
    const before = reduceChat(startedChat(3), {
      type: 'message-metadata',
      messageId: 'a',
      model: 'parley/echo',
      at: 1,
    });
    expect(
      reduceChat(before, { type: 'message-metadata', messageId: 'a', model: 'parley/echo', at: 2 }),
    ).toBe(before);
    expect(reduceChat(before, { type: 'text-delta', messageId: 'nope', text: 'x', at: 2 })).toBe(before);
  });

  it('gives the same state for a batch as for its events one by one', () => {
    const events: ChatEvent[] = [
      { type: 'reasoning-delta', messageId: 'a', text: 'think', at: 1 },
      { type: 'text-delta', messageId: 'a', text: 'Hello', at: 2 },
      { type: 'text-delta', messageId: 'a', text: ' world', at: 3 },
      { type: 'message-metadata', messageId: 'a', finishReason: 'stop', at: 4 },
      { type: 'message-end', messageId: 'a', at: 5 },
      { type: 'text-delta', messageId: 'a', text: ' ignored', at: 6 },
    ];
    const oneByOne = events.reduce(reduceChat, startedChat(5));
    const batched = reduceChat(startedChat(5), { type: 'batch', events });
    expect(batched).toEqual(oneByOne);
  });

  it('changes messageIds only when a message is added or removed', () => {
    const before = startedChat(3);
    const ended = reduceChat(before, { type: 'message-end', messageId: 'a', at: 2 });
    expect(ended.messageIds).toBe(before.messageIds);
    const added = reduceChat(ended, { type: 'message-add', message: message('u9') });
    expect(added.messageIds).toEqual([...before.messageIds, 'u9']);
    for (const id of before.messageIds) expect(added.messagesById[id]).toBe(ended.messagesById[id]);
  });
});

describe('reduceChat branches', () => {
  const base = () =>
    createInitialChatState([
      message('u1'),
      message('a1', 'assistant'),
      message('u2'),
      message('a2', 'assistant'),
    ]);

  it('keeps a regenerated reply as an alternative the user can switch back to', () => {
    const regenerated = [
      { type: 'branch-create', index: 3, newFirstId: 'a2b' },
      { type: 'request-start', messageId: 'a2b', at: 1 },
      { type: 'message-end', messageId: 'a2b', at: 2 },
    ] satisfies ChatEvent[];
    const state = regenerated.reduce<ChatState>(reduceChat, base());
    expect(state.messageIds).toEqual(['u1', 'a1', 'u2', 'a2b']);
    expect(state.messagesById.a2).toBeDefined();
    expect(state.branches.a2b).toEqual({ ids: [['a2'], ['a2b']], active: 1 });
    expect(state.branches.a2).toBe(state.branches.a2b);

    const back = reduceChat(state, { type: 'branch-switch', messageId: 'a2b', index: 0 });
    expect(back.messageIds).toEqual(['u1', 'a1', 'u2', 'a2']);
    expect(back.branches.a2?.active).toBe(0);
    expect(back.messagesById).toBe(state.messagesById);
  });

  it('adds further regenerations to the same branch point', () => {
    const events: ChatEvent[] = [
      { type: 'branch-create', index: 3, newFirstId: 'b' },
      { type: 'request-start', messageId: 'b', at: 1 },
      { type: 'branch-create', index: 3, newFirstId: 'c' },
      { type: 'request-start', messageId: 'c', at: 2 },
    ];
    const state = events.reduce(reduceChat, base());
    expect(state.branches.c).toEqual({ ids: [['a2'], ['b'], ['c']], active: 2 });
    expect(state.messageIds).toEqual(['u1', 'a1', 'u2', 'c']);
  });

  it('keeps an edited message and everything after it, and restores the whole tail', () => {
    const edited: ChatEvent[] = [
      { type: 'branch-create', index: 2, newFirstId: 'u2b' },
      { type: 'message-add', message: message('u2b') },
      { type: 'request-start', messageId: 'a3', at: 1 },
    ];
    const state = edited.reduce(reduceChat, base());
    expect(state.messageIds).toEqual(['u1', 'a1', 'u2b', 'a3']);
    const back = reduceChat(state, { type: 'branch-switch', messageId: 'u2b', index: 0 });
    expect(back.messageIds).toEqual(['u1', 'a1', 'u2', 'a2']);
    const forth = reduceChat(back, { type: 'branch-switch', messageId: 'u2', index: 1 });
    expect(forth.messageIds).toEqual(['u1', 'a1', 'u2b', 'a3']);
  });

  it('ignores a switch to an alternative that does not exist', () => {
    const state = reduceChat(base(), { type: 'branch-create', index: 3, newFirstId: 'b' });
    expect(reduceChat(state, { type: 'branch-switch', messageId: 'b', index: 5 })).toBe(state);
    expect(reduceChat(state, { type: 'branch-switch', messageId: 'unknown', index: 0 })).toBe(state);
  });
});
