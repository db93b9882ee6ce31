import type { ChatCompletion } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type Body, postChat, readStream, user, useSimulator } from '../testing/harness.ts';

const simulator = useSimulator();

async function complete(body: Body): Promise<ChatCompletion> {
  return (await postChat(simulator().baseURL, { model: 'parley/echo', ...body })).json();
}

describe('logprobs', () => {
  it('gives one entry per token, with the asked number of alternatives', async () => {
    const completion = await complete({
      messages: [user('Count my tokens')],
      logprobs: true,
      top_logprobs: 4,
    });
    const choice = completion.choices[0];
    const entries = choice?.logprobs?.content ?? [];
    expect(entries.map((entry) => entry.token).join('')).toBe(choice?.message.content);
    for (const entry of entries) {
      expect(entry.top_logprobs).toHaveLength(4);
      expect(entry.logprob).toBeLessThanOrEqual(0);
      expect(entry.top_logprobs[0]?.token).toBe(entry.token);
      expect(entry.bytes).toEqual(Array.from(new TextEncoder().encode(entry.token)));
    }
  });

  it('streams the logprobs of each token with its chunk', async () => {
    const body = {
      model: 'parley/echo',
      messages: [user('Stream my logprobs')],
      logprobs: true,
      stream: true,
    };
    const { chunks } = await readStream(await postChat(simulator().baseURL, body));
    const withContent = chunks.filter((chunk) => chunk.choices[0]?.delta.content);
    expect(
      withContent.every(
        (chunk) => chunk.choices[0]?.logprobs?.content?.[0]?.token === chunk.choices[0]?.delta.content,
      ),
    ).toBe(true);
  });

  it('leaves logprobs out unless asked', async () => {
    expect((await complete({ messages: [user('No logprobs')] })).choices[0]?.logprobs).toBeNull();
  });
});

describe('usage', () => {
  it('adds up prompt and completion tokens, with reasoning and cached details', async () => {
    const { usage } = await complete({ messages: [user('How many tokens?')] });
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(usage?.completion_tokens_details?.reasoning_tokens).toBe(0);
    expect(usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(usage?.cost).toBeGreaterThan(0);
  });

  it('counts the earlier turns as cached on a provider that caches', async () => {
    const earlier =
      'A long first message that sets the scene for the whole conversation, with enough words to fill a cache block or two.';
    const { usage } = await complete({
      provider: { order: ['Parley'] },
      messages: [user(earlier), { role: 'assistant', content: earlier }, user('And now?')],
    });
    const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(cached).toBeGreaterThan(0);
    expect(cached % 16).toBe(0);
    expect(cached).toBeLessThan(usage?.prompt_tokens ?? 0);
  });

  it('sends usage in a final chunk with no choices when include_usage is set, and only then', async () => {
    const body = { model: 'parley/echo', messages: [user('Usage please')], stream: true };
    const withUsage = (
      await readStream(
        await postChat(simulator().baseURL, { ...body, stream_options: { include_usage: true } }),
      )
    ).chunks;
    const last = withUsage.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.total_tokens).toBeGreaterThan(0);
    const without = (await readStream(await postChat(simulator().baseURL, body))).chunks;
    expect(without.some((chunk) => chunk.usage)).toBe(false);
  });
});

describe('limits', () => {
  it('stops at max_tokens with finish_reason length', async () => {
    const completion = await complete({
      messages: [user('Tell me everything')],
      max_tokens: 5,
      logprobs: true,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.choices[0]?.logprobs?.content).toHaveLength(5);
    expect(completion.usage?.completion_tokens).toBe(5);
  });

  it('cuts the answer before a stop sequence', async () => {
    const completion = await complete({ messages: [user('Cut here please')], stop: ['(3 words)'] });
    expect(completion.choices[0]?.message.content).toMatch(/“Cut here please” $/);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('streams the same cut', async () => {
    const body = {
      model: 'parley/echo',
      messages: [user('Tell me everything')],
      max_completion_tokens: 3,
      stream: true,
    };
    const { chunks } = await readStream(await postChat(simulator().baseURL, body));
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content)).toHaveLength(3);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('length');
  });
});
