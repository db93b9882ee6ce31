import { describe, expect, it, vi } from 'vitest';
import { createParleyClient } from '../client.ts';
import type { RetryScheduler } from '../retry.ts';
import {
  createScriptedFetch,
  finish,
  gate,
  reasoning,
  type ScriptedReply,
  text,
} from './__fixtures__/scripted-fetch.ts';
import { waitFor } from './__fixtures__/wait-for.ts';
import { syncScheduler } from './chat-notify.ts';
import { getMessageText, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';

const BASE_URL = 'http://simulated.test/api/v1';

function setup(script: Parameters<typeof createScriptedFetch>[0], options: Partial<ChatStoreOptions> = {}) {
  const network = createScriptedFetch(script);
  const store = createChatStore({
    client: createParleyClient({ baseURL: BASE_URL, fetch: network.fetch }),
    model: 'test/model',
    scheduler: syncScheduler,
    ...options,
  });
  const texts = () =>
    selectMessages(store.getState()).map((message) => [
      message.role,
      getMessageText(message),
      message.status,
    ]);
  return { store, network, texts };
}

/** Lets every pending microtask (stream parsing, iteration) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createChatStore: streaming', () => {
  it('streams a reply into one assistant message and reports it finished', async () => {
    const onFinish = vi.fn();
    const { store, texts } = setup(() => [...text('Hel', 'lo', '!'), finish('stop')], { onFinish });
    await store.send('Hi');
    expect(texts()).toEqual([
      ['user', 'Hi', 'complete'],
      ['assistant', 'Hello!', 'complete'],
    ]);
    const state = store.getState();
    expect(state.status).toBe('idle');
    expect(state.usage).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
    const reply = selectMessages(state)[1];
    expect(reply).toMatchObject({ model: 'test/model', provider: 'Test', finishReason: 'stop' });
    expect(reply?.timing?.endedAt).toBeGreaterThanOrEqual(reply?.timing?.firstTokenAt ?? Number.NaN);
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(onFinish.mock.calls[0]?.[0].message).toBe(reply);
  });

  it('reads the request parameters at send time', async () => {
    let temperature = 0.1;
    const { store, network } = setup(() => [...text('ok'), finish('stop')], {
      params: () => ({ temperature, metadata: { topic: 'x' } }),
      models: ['test/fallback'],
    });
    await store.send('one');
    temperature = 0.9;
    await store.send('two');
    expect(network.requests.map((request) => request.temperature)).toEqual([0.1, 0.9]);
    expect(network.requests[1]).toMatchObject({
      model: 'test/model',
      models: ['test/fallback'],
      stream: true,
      metadata: { topic: 'x' },
    });
    expect(network.requests[1]?.messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
    ]);
  });

  it('notifies once for a burst of chunks, when the scheduler flushes', async () => {
    const flushes: (() => void)[] = [];
    const held = gate();
    let reached = false;
    const { store } = setup(
      () => [
        ...text('a', 'b', 'c', 'd', 'e'),
        new Promise((resolve) => {
          reached = true;
          held.promise.then(resolve);
        }),
        finish('stop'),
      ],
      { scheduler: (flush) => flushes.push(flush) },
    );
    const notifications: number[] = [];
    store.subscribe((state) => notifications.push(state.messageIds.length));
    const sent = store.send('go');
    await waitFor(() => expect(reached).toBe(true));
    await settle();
    const before = notifications.length;
    for (const flush of flushes.splice(0)) flush();
    expect(notifications.length).toBe(before + 1);
    expect(getMessageText(selectMessages(store.getState())[1] ?? { parts: [] })).toBe('abcde');
    held.open();
    await sent;
  });

  it('tells a message subscriber only about changes to its own message', async () => {
    const held = gate();
    const { store } = setup(() => [...text('a'), held.promise, ...text('b', 'c'), finish('stop')], {
      initialMessages: [
        {
          id: 'old',
          role: 'user',
          parts: [{ type: 'text', text: 'Earlier' }],
          createdAt: 0,
          status: 'complete',
        },
      ],
    });
    let oldCalls = 0;
    store.subscribeMessage('old', () => {
      oldCalls += 1;
    });
    const sent = store.send('Now');
    await waitFor(() => expect(store.getState().status).toBe('streaming'));
    const replyId = store.getState().messageIds[2]!;
    const replyTexts: string[] = [];
    store.subscribeMessage(replyId, () =>
      replyTexts.push(getMessageText(store.getState().messagesById[replyId]!)),
    );
    held.open();
    await sent;
    // 'b' lands in place in the streaming record: its row is told directly, not by a new record.
    expect(replyTexts).toEqual(expect.arrayContaining(['ab', 'abc']));
    expect(oldCalls).toBe(0);
  });

  it('gives a state that structuredClone copies mid-stream, equal to what is shown', async () => {
    const held = gate();
    const { store, texts } = setup(() => [
      ...text('a', 'b', 'c'),
      held.promise,
      ...text('d'),
      finish('stop'),
    ]);
    const sent = store.send('Now');
    await waitFor(() => expect(texts()[1]).toEqual(['assistant', 'abc', 'streaming']));
    const visible = store.getState();
    const clone = structuredClone(visible);
    expect(clone).toEqual(visible);
    held.open();
    await sent;
    // The clone is a snapshot: later tokens change the store, not the copy.
    expect(selectMessages(clone).map(getMessageText)).toEqual(['Now', 'abc']);
    expect(texts()[1]).toEqual(['assistant', 'abcd', 'complete']);
    expect(structuredClone(store.getState())).toEqual(store.getState());
  });

  it('runs one request at a time: a send during a reply waits for it', async () => {
    const held = gate();
    const { store, network, texts } = setup((_body, index) =>
      index === 0 ? [...text('first'), held.promise, finish('stop')] : [...text('second'), finish('stop')],
    );
    const first = store.send('one');
    const second = store.send('two');
    await waitFor(() => expect(store.getState().status).toBe('streaming'));
    expect(network.requests).toHaveLength(1);
    held.open();
    await Promise.all([first, second]);
    expect(texts()).toEqual([
      ['user', 'one', 'complete'],
      ['assistant', 'first', 'complete'],
      ['user', 'two', 'complete'],
      ['assistant', 'second', 'complete'],
    ]);
  });
});

describe('createChatStore: stop and failures', () => {
  it('keeps the partial reply when stopped, and nothing changes after it', async () => {
    const held = gate();
    const { store, texts } = setup(() => [
      ...text('Once', ' upon'),
      held.promise,
      ...text(' a time'),
      finish('stop'),
    ]);
    const sent = store.send('Tell me a story');
    await waitFor(() => expect(texts()[1]?.[1]).toBe('Once upon'));
    store.stop();
    await sent;
    const stopped = store.getState();
    expect(stopped.status).toBe('idle');
    expect(texts()[1]).toEqual(['assistant', 'Once upon', 'aborted']);
    held.open();
    await settle();
    expect(store.getState()).toBe(stopped);
  });

  it('keeps the partial reply when the stream drops, and retry streams a new one in its place', async () => {
    const { store, network, texts } = setup((_body, index) =>
      index === 0 ? [...text('Half'), 'drop'] : [...text('Whole'), finish('stop')],
    );
    await store.send('Hi');
    expect(texts()).toEqual([
      ['user', 'Hi', 'complete'],
      ['assistant', 'Half', 'incomplete'],
    ]);
    expect(store.getState()).toMatchObject({ status: 'error', error: { kind: 'incomplete-stream' } });
    const failedId = store.getState().messageIds[1];
    await store.retry();
    expect(texts()).toEqual([
      ['user', 'Hi', 'complete'],
      ['assistant', 'Whole', 'complete'],
    ]);
    expect(store.getState().messageIds[1]).toBe(failedId);
    expect(store.getState().error).toBeUndefined();
    expect(network.requests[1]?.messages).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('marks a reply that failed mid-stream as an error and keeps its text', async () => {
    const onError = vi.fn();
    const { store, texts } = setup(
      () => [...text('Part'), { ...finish('error'), error: { code: 502, message: 'Provider disconnected' } }],
      { onError },
    );
    await store.send('Hi');
    expect(texts()[1]).toEqual(['assistant', 'Part', 'error']);
    expect(store.getState().error).toMatchObject({ kind: 'stream', code: 502 });
    expect(onError).toHaveBeenCalledTimes(1);
    // The error chunk's finish reason and the usage it billed reach the reply and the total.
    const reply = store.getState().messagesById[store.getState().messageIds[1] ?? ''];
    expect(reply).toMatchObject({ finishReason: 'error', usage: { total_tokens: 3 } });
    expect(store.getState().usageTotal).toMatchObject({ total_tokens: 3 });
  });

  it('says a reply ended by an error object without a finish reason ended by error', async () => {
    const { store } = setup(() => [
      ...text('Part'),
      ...text('').map((chunk) => ({ ...chunk, error: { code: 502, message: 'Gone' } })),
    ]);
    await store.send('Hi');
    const reply = store.getState().messagesById[store.getState().messageIds[1] ?? ''];
    expect(reply).toMatchObject({ status: 'error', finishReason: 'error', error: { code: 502 } });
  });

  it("keeps the user's message when the request fails before any reply", async () => {
    const network = createScriptedFetch(() => ({
      status: 500,
      body: { error: { code: 500, message: 'Internal Server Error' } },
    }));
    const store = createChatStore({
      client: createParleyClient({ baseURL: BASE_URL, fetch: network.fetch, maxRetries: 0 }),
      scheduler: syncScheduler,
    });
    await store.send('Hello?');
    const [question, reply] = selectMessages(store.getState());
    expect(question).toMatchObject({ role: 'user', parts: [{ type: 'text', text: 'Hello?' }] });
    expect(reply).toMatchObject({
      role: 'assistant',
      status: 'error',
      parts: [],
      error: { kind: 'http', status: 500 },
    });
    expect(store.getState()).toMatchObject({ status: 'error', error: { status: 500 } });
  });

  it('shows the pending retry of a rate-limited request until it succeeds', async () => {
    const wait = gate();
    let sleeping = false;
    const scheduler: RetryScheduler = {
      now: () => 1_000,
      random: () => 0.5,
      sleep: async () => {
        sleeping = true;
        await wait.promise;
      },
    };
    const network = createScriptedFetch(
      (_body, index): ScriptedReply =>
        index === 0
          ? {
              status: 429,
              body: { error: { code: 429, message: 'Slow down' } },
              headers: { 'retry-after': '2' },
            }
          : [...text('Done'), finish('stop')],
    );
    const store = createChatStore({
      client: createParleyClient({ baseURL: BASE_URL, fetch: network.fetch, scheduler }),
      scheduler: syncScheduler,
    });
    const sent = store.send('Hi');
    await waitFor(() => expect(sleeping).toBe(true));
    expect(store.getState().pendingRetry).toMatchObject({
      attempt: 1,
      delayMs: 2000,
      retryAt: 3000,
      error: { kind: 'http', status: 429, message: 'HTTP 429: Slow down' },
    });
    wait.open();
    await sent;
    expect(store.getState().pendingRetry).toBeUndefined();
    expect(getMessageText(selectMessages(store.getState())[1] ?? { parts: [] })).toBe('Done');
  });

  it('sends the API key as a bearer token, never in the URL or the error it reports', async () => {
    const seen: { url: string; authorization: string | null }[] = [];
    const key = 'sk-test-secret-123';
    const client = createParleyClient({
      baseURL: BASE_URL,
      apiKey: key,
      fetch: async (input, init) => {
        seen.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
        return new Response(JSON.stringify({ error: { code: 401, message: 'No auth credentials found' } }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const store = createChatStore({ client, scheduler: syncScheduler });
    await store.send('Hi');
    expect(seen[0]?.authorization).toBe(`Bearer ${key}`);
    expect(seen.every((request) => !request.url.includes(key))).toBe(true);
    expect(store.getState().error).toMatchObject({ kind: 'http', status: 401 });
    expect(JSON.stringify(store.getState())).not.toContain(key);
  });

  it('reports a missing client as a failed request', async () => {
    const store = createChatStore({ scheduler: syncScheduler });
    await store.send('Hi');
    expect(store.getState().error).toMatchObject({ kind: 'invalid-request' });
  });
});

describe('createChatStore: reasoning', () => {
  it('sends reasoning_details back unchanged on the next turn and keeps the reasoning duration', async () => {
    const { store, network } = setup((_body, index) =>
      index === 0
        ? [
            reasoning('Thinking', [
              { type: 'reasoning.text', text: 'Thinking', index: 0, format: 'anthropic-claude-v1' },
            ]),
            reasoning(' hard', [{ type: 'reasoning.text', text: ' hard', index: 0 }]),
            reasoning('', [{ type: 'reasoning.text', signature: 'c2lnbmF0dXJl', index: 0 }]),
            ...text('Answer'),
            finish('stop'),
          ]
        : [...text('Again'), finish('stop')],
    );
    await store.send('Why?');
    const reply = selectMessages(store.getState())[1];
    expect(reply?.reasoning).toMatchObject({ text: 'Thinking hard' });
    expect(reply?.reasoning?.durationMs).toBeGreaterThanOrEqual(0);
    await store.send('And then?');
    expect(network.requests[1]?.messages[1]).toEqual({
      role: 'assistant',
      content: 'Answer',
      reasoning_details: [
        {
          type: 'reasoning.text',
          text: 'Thinking hard',
          index: 0,
          format: 'anthropic-claude-v1',
          signature: 'c2lnbmF0dXJl',
        },
      ],
    });
  });
});
