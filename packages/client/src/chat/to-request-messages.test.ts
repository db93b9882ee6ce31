import { describe, expect, it } from 'vitest';
import type { ReasoningDetail } from '../wire-types.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { toRequestMessages } from './to-request-messages.ts';

const base = { createdAt: 1, status: 'complete' as const };
const call = (id: string, state: ChatToolCall['state'], extra: Partial<ChatToolCall> = {}): ChatToolCall => ({
  id,
  index: 0,
  name: 'weather',
  argumentsText: '{"city":"Oslo"}',
  state,
  ...extra,
});

describe('toRequestMessages', () => {
  it('sends a lone text part as a string and other user content as content parts', () => {
    const messages: ChatMessage[] = [
      { ...base, id: 's', role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      { ...base, id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] },
      {
        ...base,
        id: 'u2',
        role: 'user',
        name: 'ada',
        parts: [
          { type: 'text', text: 'What is this?', cacheControl: { type: 'ephemeral' } },
          { type: 'image', url: 'data:image/png;base64,AAA', detail: 'low', alt: 'never sent' },
          { type: 'audio', data: 'UklGRg==', format: 'wav', name: 'a.wav' },
          { type: 'video', url: 'https://example.com/v.mp4', source: 'video_url' },
          { type: 'video', url: 'data:video/mp4;base64,AAAA', source: 'input_video' },
        ],
      },
    ];
    expect(toRequestMessages(messages)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      {
        role: 'user',
        name: 'ada',
        content: [
          { type: 'text', text: 'What is this?', cache_control: { type: 'ephemeral' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA', detail: 'low' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'video_url', video_url: { url: 'https://example.com/v.mp4' } },
          { type: 'input_video', video_url: { url: 'data:video/mp4;base64,AAAA' } },
        ],
      },
    ]);
  });

  it('sends tool calls and reasoning_details back unchanged, followed by the tool results', () => {
    const details: ReasoningDetail[] = [
      {
        type: 'reasoning.text',
        text: 'Look it up.',
        signature: 'sig',
        format: 'anthropic-claude-v1',
        index: 0,
      },
      { type: 'reasoning.encrypted', data: 'opaque', index: 1 },
    ];
    const assistant: ChatMessage = {
      ...base,
      id: 'a',
      role: 'assistant',
      parts: [],
      reasoning: { text: 'Look it up.', details, durationMs: 12 },
      toolCalls: [
        call('c1', 'done', { result: '{"temp":3}' }),
        call('c2', 'failed', { index: 1, error: 'boom', result: 'Error: boom' }),
        call('c3', 'denied', {
          index: 2,
          error: 'The user denied this tool call.',
          result: 'The user denied this tool call.',
        }),
      ],
    };
    const [wire, ...tools] = toRequestMessages([assistant]);
    expect(wire).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
        { id: 'c2', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
        { id: 'c3', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
      ],
      reasoning_details: details,
    });
    expect(wire && 'reasoning_details' in wire && wire.reasoning_details).toBe(details);
    expect(tools).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '{"temp":3}' },
      { role: 'tool', tool_call_id: 'c2', content: 'Error: boom' },
      { role: 'tool', tool_call_id: 'c3', content: 'The user denied this tool call.' },
    ]);
  });

  it('does not repeat a tool result the conversation already holds as a tool message', () => {
    const messages: ChatMessage[] = [
      {
        ...base,
        id: 'a',
        role: 'assistant',
        parts: [],
        toolCalls: [call('c1', 'done', { result: 'from call' })],
      },
      { ...base, id: 't', role: 'tool', toolCallId: 'c1', parts: [{ type: 'text', text: 'from message' }] },
    ];
    expect(toRequestMessages(messages).slice(1)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: 'from message' },
    ]);
  });

  it('sends the text of an interrupted reply without its calls or its cut reasoning entry, and skips one with no text', () => {
    const interrupted = (id: string, status: ChatMessage['status'], text: string): ChatMessage => ({
      ...base,
      id,
      role: 'assistant',
      status,
      parts: text ? [{ type: 'text', text }] : [],
      reasoning: { text: 'partial', details: [{ type: 'reasoning.text', text: 'partial' }] },
      toolCalls: [call('c', 'failed')],
    });
    expect(
      toRequestMessages([
        interrupted('a1', 'aborted', 'Half an ans'),
        interrupted('a2', 'error', ''),
        interrupted('a3', 'incomplete', 'Cut'),
        interrupted('a4', 'streaming', 'Still going'),
      ]),
    ).toEqual([
      { role: 'assistant', content: 'Half an ans' },
      { role: 'assistant', content: 'Cut' },
    ]);
  });

  it('sends back the reasoning entries of an interrupted reply that arrived whole, as they were received', () => {
    const signed: ReasoningDetail = {
      type: 'reasoning.text',
      text: 'Weigh it.',
      signature: 'sig-1',
      index: 0,
    };
    const summary: ReasoningDetail = { type: 'reasoning.summary', summary: 'Weighed it.', index: 1 };
    const cut: ReasoningDetail = { type: 'reasoning.text', text: 'Then comp', index: 2 };
    const reply: ChatMessage = {
      ...base,
      id: 'a1',
      role: 'assistant',
      status: 'aborted',
      parts: [{ type: 'text', text: 'The answer is' }],
      reasoning: { text: 'Weigh it. Then comp', details: [signed, summary, cut] },
    };
    const [wire] = toRequestMessages([reply]);
    expect(wire).toEqual({
      role: 'assistant',
      content: 'The answer is',
      reasoning_details: [signed, summary],
    });
    expect(wire && 'reasoning_details' in wire && wire.reasoning_details?.[0]).toBe(signed);
  });
});
