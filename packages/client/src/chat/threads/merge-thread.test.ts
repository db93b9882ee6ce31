import { describe, expect, it } from 'vitest';
import { message, thread } from './__fixtures__/threads.ts';
import { mergeThreads } from './merge-thread.ts';

const u1 = message('u1', 'user', 'Hi');
const a1 = message('a1', 'assistant', 'Hello');

describe('mergeThreads: two copies of one thread, merged by message', () => {
  it('keeps both tabs’ turns: the other tab’s continuation becomes an alternative, none dropped', () => {
    const tabA = thread('t', [u1, a1, message('u2', 'user', 'A?'), message('a2', 'assistant', 'A!')]);
    const tabB = thread('t', [u1, a1, message('u3', 'user', 'B?'), message('a3', 'assistant', 'B!')]);
    const merged = mergeThreads(tabB, tabA);
    expect(Object.keys(merged.messagesById).sort()).toEqual(['a1', 'a2', 'a3', 'u1', 'u2', 'u3']);
    expect(merged.messageIds).toEqual(['u1', 'a1', 'u3', 'a3']);
    expect(merged.branches.u3).toEqual({
      ids: [
        ['u3', 'a3'],
        ['u2', 'a2'],
      ],
      active: 0,
    });
    expect(merged.branches.u2).toBe(merged.branches.u3);
  });

  it('takes the longer conversation when ours is a prefix of theirs (a shorter state never replaces a longer one)', () => {
    const stored = thread('t', [u1, a1, message('u2', 'user', 'More')]);
    const merged = mergeThreads(thread('t', [u1]), stored);
    expect(merged.messageIds).toEqual(['u1', 'a1', 'u2']);
  });

  it('lets a deletion win over the other copy, so a deleted message does not come back', () => {
    const stored = thread('t', [u1, a1]);
    const ours = { ...thread('t', [u1]), deletedIds: ['a1'] };
    const merged = mergeThreads(ours, stored);
    expect(merged.messageIds).toEqual(['u1']);
    expect(merged.messagesById.a1).toBeUndefined();
    expect(mergeThreads(stored, merged).messagesById.a1).toBeUndefined();
  });

  it('joins the alternatives of one branch point known to each copy', () => {
    const b = (ids: string[][]) => ({ ids, active: ids.length - 1 });
    const r2 = message('r2', 'assistant', 'two');
    const r3 = message('r3', 'assistant', 'three');
    const ours = { ...thread('t', [u1, a1, r2]), messageIds: ['u1', 'r2'] };
    ours.branches = { a1: b([['a1'], ['r2']]), r2: b([['a1'], ['r2']]) };
    const theirs = { ...thread('t', [u1, a1, r3]), messageIds: ['u1', 'r3'] };
    theirs.branches = { a1: b([['a1'], ['r3']]), r3: b([['a1'], ['r3']]) };
    const merged = mergeThreads(ours, theirs);
    expect(merged.messageIds).toEqual(['u1', 'r2']);
    expect(merged.branches.r2?.ids.map((ids) => ids[0]).sort()).toEqual(['a1', 'r2', 'r3']);
    expect(merged.branches.r2?.ids[merged.branches.r2.active]).toEqual(['r2']);
  });

  it('takes title, pin and metadata from whichever copy changed last', () => {
    const mine = thread('t', [u1], { title: 'Mine', propertiesUpdatedAt: 5, updatedAt: 5 });
    expect(mergeThreads(mine, thread('t', [u1], { title: 'Old', propertiesUpdatedAt: 2 })).title).toBe(
      'Mine',
    );
    // Pinning in the other tab does not move the thread in time, but still wins as the later change.
    const pinnedLater = thread('t', [u1], {
      title: 'Theirs',
      pinned: true,
      propertiesUpdatedAt: 9,
      updatedAt: 1,
    });
    expect(mergeThreads(mine, pinnedLater)).toMatchObject({ title: 'Theirs', pinned: true, updatedAt: 5 });
  });
});
