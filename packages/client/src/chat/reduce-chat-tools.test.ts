import { describe, expect, it } from 'vitest';
import { run, streaming } from './__fixtures__/reduce.ts';

describe('reduceChat: tool calls', () => {
  it('moves tool calls through their states, stamping when each ran and settled', () => {
    const waiting = run(streaming(), [
      {
        type: 'tool-call-delta',
        messageId: 'a',
        deltas: [
          { index: 0, id: 'c1', function: { name: 't', arguments: '{}' } },
          { index: 1, id: 'c2', function: { name: 'send', arguments: '{}' } },
        ],
        at: 1100,
      },
      { type: 'message-end', messageId: 'a', at: 1200 },
      {
        type: 'tool-calls-update',
        messageId: 'a',
        updates: [
          { id: 'c1', state: 'running' },
          { id: 'c2', state: 'awaiting-approval' },
        ],
        at: 1300,
      },
    ]);
    expect(waiting.messagesById.a?.toolCalls?.[0]).toMatchObject({ state: 'running', startedAt: 1300 });
    // Waiting for the person is not running: the approval wait stays out of the duration.
    expect(waiting.messagesById.a?.toolCalls?.[1]?.startedAt).toBeUndefined();
    const done = run(waiting, [
      {
        type: 'tool-calls-update',
        messageId: 'a',
        updates: [{ id: 'c1', state: 'done', result: '42' }],
        at: 1750,
      },
      { type: 'tool-calls-update', messageId: 'a', updates: [{ id: 'c2', state: 'running' }], at: 4000 },
      { type: 'tool-calls-update', messageId: 'a', updates: [{ id: 'c2', state: 'done' }], at: 4100 },
    ]);
    expect(done.messagesById.a?.toolCalls?.[0]).toMatchObject({
      state: 'done',
      result: '42',
      startedAt: 1300,
      endedAt: 1750,
    });
    expect(done.messagesById.a?.toolCalls?.[1]).toMatchObject({ startedAt: 4000, endedAt: 4100 });
    expect(done.messageIds).toBe(waiting.messageIds);
  });

  it('gives a denied call an end but no start, and an answer given at once both at the same time', () => {
    const state = run(streaming(), [
      {
        type: 'tool-call-delta',
        messageId: 'a',
        deltas: [
          { index: 0, id: 'c1', function: { name: 't', arguments: '{}' } },
          { index: 1, id: 'c2', function: { name: 'u', arguments: '{}' } },
        ],
        at: 1100,
      },
      { type: 'message-end', messageId: 'a', at: 1200 },
      {
        type: 'tool-calls-update',
        messageId: 'a',
        updates: [
          { id: 'c1', state: 'denied', error: 'No' },
          { id: 'c2', state: 'done', result: 'now' },
        ],
        at: 1500,
      },
    ]);
    const [denied, answered] = state.messagesById.a?.toolCalls ?? [];
    expect(denied?.startedAt).toBeUndefined();
    expect(denied?.endedAt).toBe(1500);
    expect(answered).toMatchObject({ startedAt: 1500, endedAt: 1500 });
  });

  it('waits for the user only between tools-await and tools-resume; busy otherwise until the loop ends', () => {
    const ended = run(streaming(), [
      {
        type: 'tool-call-delta',
        messageId: 'a',
        deltas: [{ index: 0, id: 'c1', function: { name: 'send', arguments: '{}' } }],
        at: 1100,
      },
      { type: 'message-end', messageId: 'a', at: 1200 },
    ]);
    expect(ended.status).toBe('submitted');
    const waiting = run(ended, [{ type: 'tools-await' }]);
    expect(waiting.status).toBe('awaiting-tool');
    expect(run(waiting, [{ type: 'tools-resume' }]).status).toBe('submitted');
    expect(run(waiting, [{ type: 'tools-end' }]).status).toBe('idle');
    // A resume after a stop (idle) or a failure does not make the chat look busy again.
    const stopped = run(waiting, [{ type: 'request-abort', at: 1300 }]);
    expect(run(stopped, [{ type: 'tools-resume' }]).status).toBe('idle');
  });
});
