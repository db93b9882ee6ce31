import type { ChatCompletion } from '@parley/client';
import { describe, expect, it } from 'vitest';
import { type Body, joinStream, postChat, readStream, user, useSimulator } from '../testing/harness.ts';

const simulator = useSimulator();

async function content(body: Body): Promise<string> {
  const completion: ChatCompletion = await (
    await postChat(simulator().baseURL, { model: 'parley/echo', ...body })
  ).json();
  return completion.choices[0]?.message.content as string;
}

describe('parley/echo answers from the conversation', () => {
  it('quotes a short message and counts its words', async () => {
    expect(await content({ messages: [user('The quick brown fox')] })).toMatch(
      /“The quick brown fox” \(4 words\)/,
    );
  });

  it('summarises a long message instead of quoting it', async () => {
    const long = `${'Gardens need patient work. '.repeat(20)}Tomatoes grow best in full sun.`;
    const answer = await content({ messages: [user(long)] });
    expect(answer).toContain('Your message is 86 words in 21 sentences');
    expect(answer).toContain('gardens');
  });

  it('mentions the instructions it was given and counts the turns', async () => {
    const answer = await content({
      messages: [
        { role: 'system', content: 'Answer like a pirate.' },
        user('Hello'),
        { role: 'assistant', content: 'Ahoy' },
        user('How are you?'),
      ],
    });
    expect(answer).toContain('This is your second message in this conversation.');
    expect(answer).toContain('“Answer like a pirate.”');
    expect(answer).toContain('question');
  });

  it('adds formatted content when asked for markdown, and more text when asked for long', async () => {
    expect(await content({ messages: [user('Show me some markdown')] })).toContain('```ts');
    expect(
      (await content({ messages: [user('Give me a long answer')] })).split('\n\n').length,
    ).toBeGreaterThan(6);
  });
});

describe('determinism', () => {
  const request = { messages: [user('Same words, same answer')], seed: 42, logprobs: true, top_logprobs: 3 };

  it('gives the same answer and logprobs for the same request and seed', async () => {
    const first = await (await postChat(simulator().baseURL, { model: 'parley/echo', ...request })).json();
    const second = await (await postChat(simulator().baseURL, { model: 'parley/echo', ...request })).json();
    expect(second.choices).toEqual(first.choices);
    expect(second.usage).toEqual(first.usage);
  });

  it('streams exactly the text it would answer in JSON', async () => {
    const json = await content(request);
    const { chunks } = await readStream(
      await postChat(simulator().baseURL, { model: 'parley/echo', ...request, stream: true }),
    );
    expect(joinStream(chunks).content).toBe(json);
  });

  it('varies with the seed', async () => {
    const answers = new Set<string>();
    for (let seed = 0; seed < 8; seed++) answers.add(await content({ messages: [user('Vary me')], seed }));
    expect(answers.size).toBeGreaterThan(1);
  });
});
