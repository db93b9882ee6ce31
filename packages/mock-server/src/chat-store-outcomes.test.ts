/**
 * The chat store of @parley/client/chat against the simulator over real HTTP, for what came back
 * besides text: how a reply ended (length, content filter), refusals, citations, logprobs, the
 * generation id, the error body in full, the conversation's usage total across a reload, and the
 * tool loop relaxing a forced `tool_choice` after the first round.
 */
import { createParleyClient } from '@parley/client';
import {
  type ChatFinishInfo,
  type ChatStoreOptions,
  createChatStore,
  createLocalStoragePersistence,
  lastAssistantMessage,
  type StorageLike,
  syncScheduler,
} from '@parley/client/chat';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './testing/harness.ts';
import { WEATHER_TOOLS } from './testing/requests.ts';

const simulator = useSimulator();

function chat(options: Partial<ChatStoreOptions> = {}) {
  return createChatStore({
    client: createParleyClient({ baseURL: simulator().baseURL, maxRetries: 0 }),
    model: 'parley/echo',
    scheduler: syncScheduler,
    ...options,
  });
}

const scenario = (value: string) => ({ metadata: { parley_scenario: value } });

/** The bodies of the chat requests the simulator received, from now on. */
function recordBodies(): Record<string, unknown>[] {
  const seen: Record<string, unknown>[] = [];
  const running = simulator().simulator;
  const handle = running.handle;
  running.handle = async (request) => {
    if (new URL(request.url).pathname.endsWith('/chat/completions')) seen.push(await request.clone().json());
    return handle(request);
  };
  return seen;
}

describe('createChatStore: how a reply ended', () => {
  it('marks a reply cut by max_tokens incomplete, with finish reason length', async () => {
    const store = chat({ params: { max_tokens: 3 } });
    await store.send('Tell me a long story about the sea');
    const reply = lastAssistantMessage(store.getState());
    expect(reply).toMatchObject({ status: 'incomplete', finishReason: 'length' });
    expect(store.getState().status).toBe('idle');
  });

  it('marks a reply stopped by the content filter incomplete, with its partial text', async () => {
    const store = chat({ params: scenario('content-filter;after=4') });
    await store.send('Tell me a story about the sea');
    const reply = lastAssistantMessage(store.getState());
    expect(reply).toMatchObject({ status: 'incomplete', finishReason: 'content_filter' });
    expect(reply?.parts[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/\S/) });
  });

  it('keeps a refusal apart from content', async () => {
    const store = chat({ params: scenario('refusal') });
    await store.send('Do something you should not');
    const reply = lastAssistantMessage(store.getState());
    expect(reply).toMatchObject({
      status: 'complete',
      refusal: "I'm sorry, but I can't help with that request.",
    });
    expect(reply?.parts).toEqual([]);
  });
});

describe('createChatStore: what else a reply carries', () => {
  it('keeps web citations, logprobs and the generation id, and passes the id to onFinish', async () => {
    const finished: ChatFinishInfo[] = [];
    const store = chat({
      model: 'parley/echo:online',
      params: { logprobs: true, top_logprobs: 2 },
      onFinish: (info) => finished.push(info),
    });
    const bodies = recordBodies();
    await store.send('Tell me about lighthouses');
    const reply = lastAssistantMessage(store.getState());
    expect(bodies).toHaveLength(1);
    expect(reply?.annotations).toHaveLength(5);
    const text = reply?.parts[0]?.type === 'text' ? reply.parts[0].text : '';
    for (const annotation of reply?.annotations ?? []) {
      const { start_index, end_index } = annotation.url_citation;
      expect(text.slice(start_index, end_index)).toMatch(/has a page about/);
    }
    expect(reply?.logprobs?.content?.map((entry) => entry.token).join('')).toBe(text);
    expect(reply?.generationId).toMatch(/^gen-/);
    expect(finished[0]?.message.generationId).toBe(reply?.generationId);
  });

  it('keeps the whole error body: a moderation 403 with its reasons and flagged input', async () => {
    const store = chat({ params: scenario('moderation') });
    await store.send('Flag me please');
    expect(store.getState().error).toMatchObject({
      status: 403,
      code: 'moderation_flagged',
      type: 'invalid_request_error',
      reasons: ['harassment', 'violence'],
      flaggedInput: 'Flag me please',
      providerName: expect.any(String),
      metadata: { scenario: 'moderation' },
    });
  });

  it('sums the conversation’s usage and cost, and keeps the total across a reload', async () => {
    const saved = new Map<string, string>();
    const storage: StorageLike = {
      getItem: (key) => saved.get(key) ?? null,
      setItem: (key, value) => void saved.set(key, value),
      removeItem: (key) => void saved.delete(key),
    };
    const persistence = createLocalStoragePersistence({ storage });
    const store = chat({ persistence, conversationId: 'usage' });
    await store.send('First question about the sea');
    const first = store.getState().usage;
    await store.send('Second question about the harbour');
    const second = store.getState().usage;
    const total = store.getState().usageTotal;
    expect(total?.prompt_tokens).toBe((first?.prompt_tokens ?? 0) + (second?.prompt_tokens ?? 0));
    expect(total?.completion_tokens).toBe((first?.completion_tokens ?? 0) + (second?.completion_tokens ?? 0));
    expect(total?.cost).toBeCloseTo((first?.cost ?? 0) + (second?.cost ?? 0), 9);
    store.destroy();
    // Saving happens when the chat comes to rest; a new store on the same storage is a reload.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const reloaded = chat({ persistence, conversationId: 'usage' });
    expect(reloaded.getState().usageTotal).toEqual(total);
  });
});

describe('createChatStore: a forced tool_choice', () => {
  const weather = {
    get_weather: {
      description: WEATHER_TOOLS[0]?.function.description,
      parameters: WEATHER_TOOLS[0]?.function.parameters as Record<string, unknown>,
      execute: () => ({ temperature: 21, unit: 'celsius' }),
    },
  };

  it('applies to the first round only: later rounds send auto, so the model answers', async () => {
    const bodies = recordBodies();
    const store = chat({ model: 'parley/tool-caller', tools: weather, params: { tool_choice: 'required' } });
    await store.send('What is the weather in Paris?');
    expect(bodies.map((body) => body.tool_choice)).toEqual(['required', 'auto']);
    const reply = lastAssistantMessage(store.getState());
    expect(reply?.toolCalls ?? []).toEqual([]);
    expect(reply?.notice).toBeUndefined();
  });

  it('keeps forcing with keepToolChoice, until maxToolRounds stops the loop', async () => {
    const bodies = recordBodies();
    const store = chat({
      model: 'parley/tool-caller',
      tools: weather,
      params: { tool_choice: { type: 'function', function: { name: 'get_weather' } } },
      keepToolChoice: true,
      maxToolRounds: 2,
    });
    await store.send('What is the weather in Paris?');
    expect(bodies.length).toBe(3);
    expect(bodies.every((body) => typeof body.tool_choice === 'object')).toBe(true);
    expect(lastAssistantMessage(store.getState())?.notice?.code).toBe('max-tool-rounds');
  });
});
