import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-types.ts';
import { streamingIdOf, withStreamedMessage } from './messages-record.ts';

const message = (id: string, text: string): ChatMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'text', text }],
  createdAt: 0,
  status: 'streaming',
});

describe('the messages record while a reply streams', () => {
  const base: Record<string, ChatMessage> = { a: message('a', 'old'), b: message('b', 'streaming…') };

  it('copies the record for the first token, then takes later tokens of that reply in place', () => {
    const first = withStreamedMessage(base, 'b', message('b', '1'));
    expect(first).not.toBe(base);
    expect(base.b?.parts).toEqual([{ type: 'text', text: 'streaming…' }]);
    expect(streamingIdOf(first)).toBe('b');
    const next = message('b', '12');
    const second = withStreamedMessage(first, 'b', next);
    expect(second).toBe(first);
    expect(second.b).toBe(next);
    expect(second.a).toBe(base.a);
  });

  it('stays a plain record: it clones, spreads and serialises with the current message', () => {
    const record = withStreamedMessage(
      withStreamedMessage(base, 'b', message('b', '1')),
      'b',
      message('b', '12'),
    );
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(structuredClone(record)).toEqual({ a: base.a, b: message('b', '12') });
    expect({ ...record }).toEqual({ a: base.a, b: message('b', '12') });
    expect(JSON.parse(JSON.stringify(record))).toEqual({ a: base.a, b: message('b', '12') });
  });

  it('copies again for another message, never writing a record it did not make for that reply', () => {
    const streaming = withStreamedMessage(base, 'b', message('b', '1'));
    const other = withStreamedMessage(streaming, 'a', message('a', 'x'));
    expect(other).not.toBe(streaming);
    expect(streaming.a).toBe(base.a);
    expect(streamingIdOf(base)).toBeUndefined();
  });
});
