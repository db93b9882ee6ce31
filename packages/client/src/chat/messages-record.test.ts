import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-types.ts';
import { changedMessageIds, overlayOf, toPlainRecord, withStreamedMessage } from './messages-record.ts';

const message = (id: string, text: string): ChatMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'text', text }],
  createdAt: 0,
  status: 'streaming',
});

describe('the messages record while a reply streams', () => {
  const base: Record<string, ChatMessage> = { a: message('a', 'old'), b: message('b', 'streaming…') };

  it('reads, enumerates, spreads and serialises like a plain record with the new message', () => {
    const next = message('b', 'streaming… more');
    const view = withStreamedMessage(base, 'b', next);
    expect(view).not.toBe(base);
    expect(view.b).toBe(next);
    expect(view.a).toBe(base.a);
    expect('b' in view).toBe(true);
    expect(Object.keys(view)).toEqual(['a', 'b']);
    expect(Object.values(view)).toEqual([base.a, next]);
    expect({ ...view }).toEqual({ a: base.a, b: next });
    expect(JSON.parse(JSON.stringify(view))).toEqual({ a: base.a, b: next });
    expect(toPlainRecord(view)).toEqual({ a: base.a, b: next });
    expect(overlayOf(toPlainRecord(view))).toBeUndefined();
  });

  it('refuses to be changed in place', () => {
    const view = withStreamedMessage(base, 'b', message('b', 'x'));
    expect(() => {
      view.c = message('c', 'nope');
    }).toThrow(TypeError);
    expect(() => {
      delete view.a;
    }).toThrow(TypeError);
  });

  it('stacks no views: each token replaces the last view of the same base', () => {
    const first = withStreamedMessage(base, 'b', message('b', '1'));
    const second = withStreamedMessage(first, 'b', message('b', '12'));
    expect(overlayOf(second)?.base).toBe(base);
    expect(changedMessageIds(first, second)).toEqual(['b']);
    expect(changedMessageIds(base, first)).toEqual(['b']);
    expect(changedMessageIds(base, { ...base })).toBeUndefined();
    expect(changedMessageIds(base, base)).toEqual([]);
  });

  it('copies when the message is not in the record yet', () => {
    const added = withStreamedMessage(base, 'c', message('c', 'new'));
    expect(overlayOf(added)).toBeUndefined();
    expect(Object.keys(added)).toEqual(['a', 'b', 'c']);
  });
});
