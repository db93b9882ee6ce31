import type { ChatCompletion } from '@parley/client';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { URL_CITATION_SCHEMA } from '../testing/chunk-schema.ts';
import {
  expectChatResponse,
  expectChunks,
  expectErrorResponse,
  joinStream,
  postChat,
  readStream,
  user,
  useSimulator,
} from '../testing/harness.ts';

const simulator = useSimulator();
const echo = (text = 'Tell me about lighthouses on the Atlantic coast') => ({
  model: 'parley/echo',
  messages: [user(text)],
});
const scenario = (value: string) => ({ 'x-parley-scenario': value });
const validateCitation = new Ajv({ strict: false }).compile(URL_CITATION_SCHEMA);

async function complete(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await postChat(simulator().baseURL, body, headers);
  const json: unknown = await response.json();
  expectChatResponse(json);
  return json as ChatCompletion;
}

async function stream(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await postChat(simulator().baseURL, { ...body, stream: true }, headers);
  const transcript = await readStream(response);
  expectChunks(transcript.chunks);
  return transcript;
}

describe('refusal', () => {
  it('answers with a refusal instead of content, in JSON', async () => {
    const completion = await complete(echo(), scenario('refusal'));
    const choice = completion.choices[0];
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.refusal).toBe("I'm sorry, but I can't help with that request.");
    expect(choice?.finish_reason).toBe('stop');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('streams the refusal as refusal deltas and no content', async () => {
    const { chunks, done } = await stream(echo(), scenario('refusal;message=Not this one.'));
    const refusal = chunks.map((chunk) => chunk.choices[0]?.delta.refusal ?? '').join('');
    expect(refusal).toBe('Not this one.');
    expect(joinStream(chunks).content).toBe('');
    expect(done).toBe(true);
  });
});

describe('content-filter', () => {
  it('cuts the answer after `after` tokens with finish_reason content_filter', async () => {
    const whole = await complete(echo());
    const filtered = await complete(echo(), scenario('content-filter;after=4'));
    expect(filtered.choices[0]?.finish_reason).toBe('content_filter');
    const text = filtered.choices[0]?.message.content as string;
    expect(text.length).toBeGreaterThan(0);
    expect(whole.choices[0]?.message.content).toContain(text);
    const { chunks } = await stream(echo(), scenario('content-filter;after=4'));
    expect(joinStream(chunks).content).toBe(text);
    expect(chunks.find((chunk) => chunk.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe(
      'content_filter',
    );
  });
});

describe('error bodies', () => {
  it('names the moderation reasons and echoes the flagged input, cut to 100 characters', async () => {
    const long = `Please flag ${'this '.repeat(40)}`;
    const response = await postChat(simulator().baseURL, echo(long), scenario('moderation'));
    expect(response.status).toBe(403);
    const body = await response.json();
    expectErrorResponse(body);
    expect(body.error.metadata).toMatchObject({
      reasons: ['harassment', 'violence'],
      flagged_input: `${long.slice(0, 100)}...`,
      provider_name: expect.any(String),
    });
  });

  it('answers upstream-timeout with 524', async () => {
    const response = await postChat(simulator().baseURL, echo(), scenario('upstream-timeout'));
    expect(response.status).toBe(524);
    const body = await response.json();
    expectErrorResponse(body);
    expect(body.error.code).toBe('upstream_timeout');
  });
});

describe('web search citations', () => {
  const web = { ...echo(), plugins: [{ id: 'web', max_results: 3 }] };

  it('cites fictional pages whose spans point at the sentences that cite them', async () => {
    const completion = await complete(web);
    const message = completion.choices[0]?.message;
    const text = message?.content as string;
    const annotations = message?.annotations ?? [];
    expect(annotations).toHaveLength(3);
    for (const annotation of annotations) {
      expect(validateCitation(annotation)).toBe(true);
      const { url, title, start_index, end_index } = annotation.url_citation;
      expect(new URL(url).hostname).toMatch(/\.parley\.example$/);
      expect(text.slice(start_index, end_index)).toMatch(/has a page about \w+\.$/);
      expect(title).toBeTruthy();
    }
  });

  it('streams the same text and the same citations in a delta of their own', async () => {
    const completion = await complete(web);
    const { chunks } = await stream(web);
    expect(joinStream(chunks).content).toBe(completion.choices[0]?.message.content);
    const carrying = chunks.filter((chunk) => chunk.choices[0]?.delta.annotations);
    expect(carrying).toHaveLength(1);
    expect(carrying[0]?.choices[0]?.delta.annotations).toEqual(completion.choices[0]?.message.annotations);
  });

  it('searches for an :online model, five results by default, and not when the plugin is disabled', async () => {
    const online = await complete({ ...echo(), model: 'parley/echo:online' });
    expect(online.choices[0]?.message.annotations).toHaveLength(5);
    const disabled = await complete({ ...echo(), plugins: [{ id: 'web', enabled: false }] });
    expect(disabled.choices[0]?.message.annotations).toBeUndefined();
  });

  it('drops the citations a max_tokens cut leaves without their sentence', async () => {
    const completion = await complete({ ...web, max_tokens: 30 });
    const text = completion.choices[0]?.message.content as string;
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.choices[0]?.message.annotations?.length).toBeLessThan(3);
    for (const annotation of completion.choices[0]?.message.annotations ?? []) {
      expect(annotation.url_citation.end_index).toBeLessThanOrEqual(text.length);
    }
  });
});
