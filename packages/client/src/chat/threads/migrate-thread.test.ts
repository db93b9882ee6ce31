import { describe, expect, it } from 'vitest';
import { migrateThread } from './migrate-thread.ts';
import { THREAD_VERSION } from './thread-types.ts';
import { parseThread } from './validate-thread.ts';

const user = {
  id: 'u1',
  role: 'user',
  parts: [{ type: 'text', text: 'Hi' }],
  createdAt: 5,
  status: 'complete',
};
const reply = {
  id: 'a1',
  role: 'assistant',
  parts: [{ type: 'text', text: 'Hello' }],
  createdAt: 9,
  status: 'complete',
};

describe('migrateThread: one test per stored version', () => {
  it('reads version 0 ({ messages } before versions) into the current shape, in order', () => {
    const migrated = migrateThread({ messages: [user, reply] }, 'old');
    expect(migrated).toMatchObject({
      record: {
        version: THREAD_VERSION,
        id: 'old',
        messageIds: ['u1', 'a1'],
        createdAt: 5,
        updatedAt: 9,
        pinned: false,
      },
    });
  });

  it('reads version 0 as a bare array of messages, giving id-less messages a place', () => {
    const { record } = migrateThread(
      [{ role: 'user', content: 'Hi', createdAt: 1, status: 'complete' }],
      'bare',
    ) as {
      record: { messageIds: string[] };
    };
    expect(record.messageIds).toEqual(['message-0']);
    const { thread } = parseThread(
      [{ role: 'user', content: 'Hi', createdAt: 1, status: 'complete' }],
      'bare',
    );
    expect(thread?.messagesById['message-0']?.parts).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('reads version 1 (createLocalStoragePersistence) and keeps its branches', () => {
    const branch = { ids: [['a1'], ['a2']], active: 0 };
    const v1 = {
      version: 1,
      messageIds: ['u1', 'a1'],
      messagesById: { u1: user, a1: reply },
      branches: { a1: branch, a2: branch },
    };
    const { thread, issues } = parseThread(v1, 'support');
    expect(issues).toEqual([]);
    expect(thread).toMatchObject({
      id: 'support',
      version: THREAD_VERSION,
      messageIds: ['u1', 'a1'],
      title: '',
    });
    expect(thread?.branches.a1).toEqual(branch);
  });

  it('reads version 2 as it is, unknown fields included', () => {
    const v2 = {
      version: 2,
      id: 't',
      title: 'Trip',
      createdAt: 1,
      updatedAt: 2,
      pinned: true,
      metadata: { folder: 'work' },
      propertiesUpdatedAt: 2,
      messageIds: ['u1'],
      messagesById: { u1: { ...user, future: 'kept' } },
      branches: {},
      deletedIds: ['gone'],
    };
    const { thread } = parseThread(v2);
    expect(thread).toEqual(v2);
  });

  it('refuses a record from a newer version and one that is not a conversation, without throwing', () => {
    expect(migrateThread({ version: 99, id: 'x' })).toEqual({
      error: expect.stringMatching(/newer version/),
    });
    expect(migrateThread('hello')).toEqual({ error: 'not a stored conversation' });
    expect(parseThread({ version: 99 }, 'x').issues).toEqual([
      { threadId: 'x', path: '', message: expect.stringMatching(/newer/) },
    ]);
  });
});
