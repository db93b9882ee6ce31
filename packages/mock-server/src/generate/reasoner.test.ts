import type { ChatCompletion, ChatCompletionChunk, ReasoningDetail } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type Body, joinStream, postChat, readStream, user, useSimulator } from '../testing/harness.ts';

const simulator = useSimulator();
const question = user('Why do cats purr when they are happy?');

const ask = (extra: Body = {}): Body => ({ model: 'parley/reasoner', messages: [question], ...extra });

async function complete(body: Body): Promise<ChatCompletion> {
  const response = await postChat(simulator().baseURL, body);
  expect(response.status).toBe(200);
  return response.json();
}

async function stream(body: Body): Promise<ChatCompletionChunk[]> {
  return (await readStream(await postChat(simulator().baseURL, { ...body, stream: true }))).chunks;
}

const detailsIn = (chunks: ChatCompletionChunk[]) =>
  chunks.flatMap((chunk) => chunk.choices[0]?.delta.reasoning_details ?? []);

describe('streaming reasoning', () => {
  it('streams reasoning before the answer', async () => {
    const chunks = await stream(ask());
    const firstReasoning = chunks.findIndex((chunk) => chunk.choices[0]?.delta.reasoning);
    const firstContent = chunks.findIndex((chunk) => chunk.choices[0]?.delta.content);
    expect(firstReasoning).toBeGreaterThan(-1);
    expect(firstReasoning).toBeLessThan(firstContent);
    expect(joinStream(chunks).reasoning).toContain('Why do cats purr');
  });

  it('sends the signature in a late reasoning.text fragment that has no text', async () => {
    const details = detailsIn(await stream(ask()));
    const texts = details.filter((detail) => detail.type === 'reasoning.text');
    const signed = texts.findIndex((detail) => detail.type === 'reasoning.text' && detail.signature);
    expect(signed).toBe(texts.length - 1);
    expect(texts[signed]).not.toHaveProperty('text');
    expect(texts.slice(0, signed).every((detail) => detail.type === 'reasoning.text' && detail.text)).toBe(
      true,
    );
  });

  it('adds a reasoning.summary when reasoning.summary is set', async () => {
    const without = detailsIn(await stream(ask()));
    const withSummary = detailsIn(await stream(ask({ reasoning: { summary: 'detailed' } })));
    expect(without.some((detail) => detail.type === 'reasoning.summary')).toBe(false);
    expect(withSummary.some((detail) => detail.type === 'reasoning.summary')).toBe(true);
  });

  it('writes counts of one in the singular', async () => {
    const details = detailsIn(
      await stream({
        model: 'parley/reasoner',
        messages: [user('Why?')],
        reasoning: { effort: 'minimal', summary: 'concise' },
      }),
    );
    const text = (type: string, field: 'text' | 'summary') =>
      details
        .filter((detail) => detail.type === type)
        .map((detail) => (detail as Record<string, unknown>)[field] ?? '')
        .join('');
    expect(text('reasoning.text', 'text')).toContain('1 word in all.');
    expect(text('reasoning.summary', 'summary')).toContain('in 1 step.');
  });

  it.each([
    ['high', true],
    ['xhigh', true],
    ['medium', false],
    ['low', false],
  ])('adds reasoning.encrypted at effort %s: %s', async (effort, encrypted) => {
    const details = detailsIn(await stream(ask({ reasoning: { effort } })));
    expect(details.some((detail) => detail.type === 'reasoning.encrypted')).toBe(encrypted);
  });

  it('reasons more as the effort rises, and not at all at none', async () => {
    const efforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];
    const usage = [];
    for (const effort of efforts) {
      const completion = await complete(ask({ reasoning: { effort } }));
      usage.push(completion.usage?.completion_tokens_details?.reasoning_tokens ?? 0);
    }
    expect(usage[0]).toBe(0);
    for (let index = 1; index < usage.length; index++)
      expect(usage[index]).toBeGreaterThan(usage[index - 1] ?? 0);
  });

  it('returns no reasoning at effort none', async () => {
    const completion = await complete(ask({ reasoning: { effort: 'none' } }));
    expect(completion.choices[0]?.message.reasoning ?? null).toBeNull();
    expect(completion.choices[0]?.message.reasoning_details).toBeUndefined();
  });

  it('bills but hides reasoning with reasoning.exclude', async () => {
    const completion = await complete(ask({ reasoning: { effort: 'low', exclude: true } }));
    expect(completion.choices[0]?.message.reasoning_details).toBeUndefined();
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
  });

  it('puts the same merged details in the JSON answer as the stream carried', async () => {
    const body = ask({ reasoning: { effort: 'high', summary: 'concise' } });
    const completion = await complete(body);
    const message = completion.choices[0]?.message;
    const text = message?.reasoning_details?.find((detail) => detail.type === 'reasoning.text');
    expect(text?.type === 'reasoning.text' && text.text).toBe(joinStream(await stream(body)).reasoning);
    expect(message?.reasoning_details?.map((detail) => detail.type)).toEqual([
      'reasoning.text',
      'reasoning.summary',
      'reasoning.encrypted',
    ]);
  });
});

describe('the next turn checks the reasoning_details it gave', () => {
  const followUp = (assistant: Body) => ask({ messages: [question, assistant, user('And dogs?')] });

  async function firstAnswer() {
    const completion = await complete(ask({ reasoning: { effort: 'high' } }));
    const message = completion.choices[0]?.message;
    if (!message?.reasoning_details) throw new Error('no reasoning_details');
    return { content: message.content, details: message.reasoning_details };
  }

  it('continues when the details come back unchanged', async () => {
    const { content, details } = await firstAnswer();
    const response = await postChat(
      simulator().baseURL,
      followUp({ role: 'assistant', content, reasoning_details: details }),
    );
    expect(response.status).toBe(200);
  });

  it('continues when the details come back as the streamed fragments', async () => {
    const chunks = await stream(ask());
    const { content } = joinStream(chunks);
    const response = await postChat(
      simulator().baseURL,
      followUp({ role: 'assistant', content, reasoning_details: detailsIn(chunks) }),
    );
    expect(response.status).toBe(200);
  });

  it('accepts its own earlier answer without details once the user has spoken again (a stopped or cut reply)', async () => {
    const { content } = await firstAnswer();
    const response = await postChat(simulator().baseURL, followUp({ role: 'assistant', content }));
    expect(response.status).toBe(200);
  });

  it('refuses its own answer without details when a tool round continues from it, as providers do', async () => {
    const { content } = await firstAnswer();
    const call = { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } };
    const response = await postChat(simulator().baseURL, {
      model: 'parley/reasoner',
      messages: [
        question,
        { role: 'assistant', content, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'call_1', content: 'purring is a vibration' },
      ],
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.param).toBe('messages[1].reasoning_details');
    expect(body.error.message).toContain('without its reasoning_details');
  });

  it('refuses altered reasoning text', async () => {
    const { content, details } = await firstAnswer();
    const altered = details.map(
      (detail): ReasoningDetail =>
        detail.type === 'reasoning.text' ? { ...detail, text: `${detail.text} (edited)` } : detail,
    );
    const response = await postChat(
      simulator().baseURL,
      followUp({ role: 'assistant', content, reasoning_details: altered }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('signature does not match');
  });

  it('refuses altered encrypted reasoning', async () => {
    const { content, details } = await firstAnswer();
    const altered = details.map(
      (detail): ReasoningDetail =>
        detail.type === 'reasoning.encrypted' ? { ...detail, data: btoa('tampered') } : detail,
    );
    const response = await postChat(
      simulator().baseURL,
      followUp({ role: 'assistant', content, reasoning_details: altered }),
    );
    expect(response.status).toBe(400);
  });

  it('accepts an assistant turn it did not write, without details', async () => {
    const response = await postChat(
      simulator().baseURL,
      followUp({ role: 'assistant', content: 'A reply from another model.' }),
    );
    expect(response.status).toBe(200);
  });
});
