import { describe, expect, it } from 'vitest';
import { run, streaming } from './__fixtures__/reduce.ts';
import type { ChatEvent } from './chat-events.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';
import { reduceChat } from './reduce-chat.ts';

describe('reduceChat: events give this state', () => {
  it.each<{ name: string; events: ChatEvent[]; expected: Partial<ChatMessage>; status: ChatState['status'] }>(
    [
      {
        name: 'a request start adds an empty pending reply',
        events: [],
        expected: { role: 'assistant', parts: [], status: 'pending', timing: { startedAt: 1000 } },
        status: 'submitted',
      },
      {
        name: 'text deltas append to one text part',
        events: [
          { type: 'text-delta', messageId: 'a', text: 'Hel', at: 1100 },
          { type: 'text-delta', messageId: 'a', text: 'lo', at: 1200 },
        ],
        expected: {
          parts: [{ type: 'text', text: 'Hello' }],
          status: 'streaming',
          timing: { startedAt: 1000, firstTokenAt: 1100 },
        },
        status: 'streaming',
      },
      {
        name: 'reasoning goes to reasoning.text and ends, with its duration, at the first answer token',
        events: [
          { type: 'reasoning-delta', messageId: 'a', text: 'Let me ', at: 1100 },
          { type: 'reasoning-delta', messageId: 'a', text: 'think.', at: 1300 },
          { type: 'text-delta', messageId: 'a', text: 'Yes', at: 1600 },
        ],
        expected: {
          reasoning: { text: 'Let me think.', details: [], durationMs: 500 },
          timing: { startedAt: 1000, firstTokenAt: 1100, reasoningStartedAt: 1100, reasoningEndedAt: 1600 },
        },
        status: 'streaming',
      },
      {
        name: 'reasoning_details fragments merge into whole entries, signature included',
        events: [
          {
            type: 'reasoning-delta',
            messageId: 'a',
            details: [{ type: 'reasoning.text', text: 'ab', index: 0 }],
            at: 1100,
          },
          {
            type: 'reasoning-delta',
            messageId: 'a',
            details: [{ type: 'reasoning.text', text: 'c', index: 0 }],
            at: 1101,
          },
          {
            type: 'reasoning-delta',
            messageId: 'a',
            details: [{ type: 'reasoning.text', signature: 'sig', index: 0 }],
            at: 1102,
          },
        ],
        expected: {
          reasoning: {
            text: '',
            details: [{ type: 'reasoning.text', text: 'abc', signature: 'sig', index: 0 }],
          },
        },
        status: 'streaming',
      },
      {
        name: 'tool-call deltas merge per index and stream their arguments',
        events: [
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [
              { index: 0, id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"ci' } },
            ],
            at: 1100,
          },
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 1, id: 'c2', function: { name: 'time', arguments: '{}' } }],
            at: 1110,
          },
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 0, function: { arguments: 'ty":"Oslo"}' } }],
            at: 1120,
          },
        ],
        expected: {
          toolCalls: [
            {
              id: 'c1',
              index: 0,
              name: 'weather',
              argumentsText: '{"city":"Oslo"}',
              state: 'streaming-arguments',
            },
            { id: 'c2', index: 1, name: 'time', argumentsText: '{}', state: 'streaming-arguments' },
          ],
        },
        status: 'streaming',
      },
      {
        name: 'a call at a skipped index stays one call, its fragments joined by their index',
        events: [
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 2, id: 'c3', type: 'function', function: { name: 'time', arguments: '{' } }],
            at: 1100,
          },
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 2, function: { arguments: '}' } }],
            at: 1110,
          },
        ],
        expected: {
          toolCalls: [
            { id: 'c3', index: 2, name: 'time', argumentsText: '{}', state: 'streaming-arguments' },
          ],
        },
        status: 'streaming',
      },
      {
        name: 'a completed reply with tool calls stays busy: its calls run or ask next',
        events: [
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 0, id: 'c1', function: { name: 'time', arguments: '{}' } }],
            at: 1100,
          },
          { type: 'message-metadata', messageId: 'a', finishReason: 'tool_calls', at: 1150 },
          { type: 'message-end', messageId: 'a', at: 1200 },
        ],
        expected: {
          status: 'complete',
          finishReason: 'tool_calls',
          toolCalls: [{ id: 'c1', index: 0, name: 'time', argumentsText: '{}', state: 'awaiting-result' }],
        },
        status: 'submitted',
      },
      {
        name: 'refusal, logprobs, model, provider, usage and finish reason are kept',
        events: [
          { type: 'refusal-delta', messageId: 'a', text: 'I cannot ', at: 1100 },
          { type: 'refusal-delta', messageId: 'a', text: 'help.', at: 1101 },
          {
            type: 'logprobs-delta',
            messageId: 'a',
            logprobs: {
              content: [{ token: 'I', logprob: -0.1, bytes: null, top_logprobs: [] }],
              refusal: null,
            },
            at: 1102,
          },
          {
            type: 'logprobs-delta',
            messageId: 'a',
            logprobs: {
              content: [{ token: ' c', logprob: -0.2, bytes: null, top_logprobs: [] }],
              refusal: null,
            },
            at: 1103,
          },
          {
            type: 'message-metadata',
            messageId: 'a',
            model: 'parley/echo',
            provider: 'Simulated',
            usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
            finishReason: 'stop',
            nativeFinishReason: 'end_turn',
            at: 1104,
          },
          { type: 'message-end', messageId: 'a', at: 1200 },
        ],
        expected: {
          refusal: 'I cannot help.',
          logprobs: {
            content: [
              { token: 'I', logprob: -0.1, bytes: null, top_logprobs: [] },
              { token: ' c', logprob: -0.2, bytes: null, top_logprobs: [] },
            ],
            refusal: null,
          },
          model: 'parley/echo',
          provider: 'Simulated',
          usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
          finishReason: 'stop',
          nativeFinishReason: 'end_turn',
          timing: { startedAt: 1000, firstTokenAt: 1100, endedAt: 1200 },
        },
        status: 'idle',
      },
      {
        name: 'a dropped stream keeps the partial reply, marked incomplete, and fails the cut-off call',
        events: [
          { type: 'text-delta', messageId: 'a', text: 'Partial', at: 1100 },
          {
            type: 'tool-call-delta',
            messageId: 'a',
            deltas: [{ index: 0, id: 'c1', function: { name: 'time', arguments: '{"z' } }],
            at: 1150,
          },
          {
            type: 'request-error',
            messageId: 'a',
            error: { kind: 'incomplete-stream', message: 'dropped' },
            at: 1200,
          },
        ],
        expected: {
          parts: [{ type: 'text', text: 'Partial' }],
          status: 'incomplete',
          error: { kind: 'incomplete-stream', message: 'dropped' },
          toolCalls: [
            {
              id: 'c1',
              index: 0,
              name: 'time',
              argumentsText: '{"z',
              state: 'failed',
              error: 'The reply ended before this call was complete.',
            },
          ],
        },
        status: 'error',
      },
      {
        name: 'an error mid-stream keeps the partial reply, marked error',
        events: [
          { type: 'text-delta', messageId: 'a', text: 'Part', at: 1100 },
          {
            type: 'request-error',
            messageId: 'a',
            error: { kind: 'stream', message: 'overloaded', code: 502 },
            at: 1200,
          },
        ],
        expected: {
          parts: [{ type: 'text', text: 'Part' }],
          status: 'error',
          error: { kind: 'stream', message: 'overloaded', code: 502 },
        },
        status: 'error',
      },
      {
        name: 'an abort keeps the partial reply, marked aborted, and later deltas change nothing',
        events: [
          { type: 'text-delta', messageId: 'a', text: 'Once', at: 1100 },
          { type: 'request-abort', messageId: 'a', at: 1200 },
          { type: 'text-delta', messageId: 'a', text: ' upon', at: 1300 },
          { type: 'message-end', messageId: 'a', at: 1400 },
        ],
        expected: {
          parts: [{ type: 'text', text: 'Once' }],
          status: 'aborted',
          timing: { startedAt: 1000, firstTokenAt: 1100, endedAt: 1200 },
        },
        status: 'idle',
      },
    ],
  )('$name', ({ events, expected, status }) => {
    const state = run(streaming(), events);
    expect(state.messagesById.a).toMatchObject(expected);
    expect(state.status).toBe(status);
    expect(state.messageIds).toEqual(['u0', 'u1', 'u2', 'a']);
  });

  it('sets the error and the usage of the chat from the reply', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const done = run(streaming(), [
      { type: 'message-metadata', messageId: 'a', usage, at: 1100 },
      { type: 'message-end', messageId: 'a', at: 1200 },
    ]);
    expect(done.usage).toEqual(usage);
    const failed = run(streaming(), [
      {
        type: 'request-error',
        messageId: 'a',
        error: { kind: 'http', message: 'HTTP 500', status: 500 },
        at: 1100,
      },
    ]);
    expect(failed.error).toEqual({ kind: 'http', message: 'HTTP 500', status: 500 });
    expect(run(failed, [{ type: 'request-start', messageId: 'a', at: 2000 }]).error).toBeUndefined();
  });

  it('shows a scheduled retry until the first token arrives', () => {
    const waiting = run(streaming(), [
      { type: 'retry-scheduled', retry: { attempt: 1, delayMs: 1000, retryAt: 2000 } },
    ]);
    expect(waiting.pendingRetry).toEqual({ attempt: 1, delayMs: 1000, retryAt: 2000 });
    expect(
      run(waiting, [{ type: 'text-delta', messageId: 'a', text: 'x', at: 2100 }]).pendingRetry,
    ).toBeUndefined();
  });

  it('reuses the last message for a retry instead of adding one', () => {
    const failed = run(streaming(), [
      { type: 'text-delta', messageId: 'a', text: 'Par', at: 1100 },
      { type: 'request-error', messageId: 'a', error: { kind: 'stream', message: 'x' }, at: 1200 },
    ]);
    const retried = reduceChat(failed, { type: 'request-start', messageId: 'a', at: 3000 });
    expect(retried.messageIds).toBe(failed.messageIds);
    expect(retried.messagesById.a).toMatchObject({
      parts: [],
      status: 'pending',
      timing: { startedAt: 3000 },
    });
    expect(retried.messagesById.a?.error).toBeUndefined();
  });

  it('ends a tool loop at a limit with a notice on the reply', () => {
    const state = run(streaming(), [
      { type: 'message-end', messageId: 'a', at: 1200 },
      {
        type: 'tools-end',
        messageId: 'a',
        notice: { code: 'max-tool-rounds', message: 'Stopped after 5 tool rounds' },
      },
    ]);
    expect(state.status).toBe('idle');
    expect(state.messagesById.a?.notice).toEqual({
      code: 'max-tool-rounds',
      message: 'Stopped after 5 tool rounds',
    });
  });
});
