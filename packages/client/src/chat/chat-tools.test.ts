import { describe, expect, it, vi } from 'vitest';
import { createParleyClient } from '../client.ts';
import type { ChatCompletionParams, Message } from '../wire-types.ts';
import { createScriptedFetch, finish, gate, text, toolCalls } from './__fixtures__/scripted-fetch.ts';
import { waitFor } from './__fixtures__/wait-for.ts';
import { syncScheduler } from './chat-notify.ts';
import { lastAssistantMessage, selectMessages } from './chat-selectors.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatTool } from './chat-tools.ts';

const city = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

/** Replies with `calls` until the request carries tool results, then answers in text. */
function toolThenAnswer(calls: Parameters<typeof toolCalls>) {
  return (body: ChatCompletionParams) =>
    body.messages[body.messages.length - 1]?.role === 'tool'
      ? [...text('All done.'), finish('stop')]
      : [toolCalls(...calls), finish('tool_calls')];
}

function setup(script: Parameters<typeof createScriptedFetch>[0], options: Partial<ChatStoreOptions>) {
  const network = createScriptedFetch(script);
  const store = createChatStore({
    client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
    scheduler: syncScheduler,
    ...options,
  });
  const calls = () => lastToolReply(store)?.toolCalls ?? [];
  return { store, network, calls };
}

function lastToolReply(store: ReturnType<typeof createChatStore>) {
  return selectMessages(store.getState()).find(
    (message) => message.toolCalls && message.toolCalls.length > 0,
  );
}

const toolMessages = (messages: Message[] | undefined) =>
  (messages ?? []).filter((message) => message.role === 'tool');

/** A model that calls the `loop` tool in every reply, each reply costing `cost`. */
function loopingTool(options: Partial<ChatStoreOptions>, cost?: number) {
  const execute = vi.fn(() => 'again');
  let call = 0;
  const usage = {
    prompt_tokens: 1,
    completion_tokens: 1,
    total_tokens: 2,
    ...(cost === undefined ? {} : { cost }),
  };
  const chat = setup(
    () => {
      call += 1;
      return [toolCalls({ id: `c${call}`, name: 'loop', args: '{}' }), finish('tool_calls', usage)];
    },
    { tools: { loop: { parameters: { type: 'object' }, execute } }, ...options },
  );
  return { ...chat, execute };
}

describe('createChatStore: tool rounds', () => {
  it('runs parallel calls at once, reports a failing tool to the model, and continues', async () => {
    const started: string[] = [];
    const slow = gate();
    const tools: Record<string, ChatTool> = {
      weather: {
        parameters: city,
        execute: async (args) => {
          started.push('weather');
          await slow.promise;
          return { city: (args as { city: string }).city, temp: 3 };
        },
      },
      clock: {
        parameters: { type: 'object' },
        execute: () => {
          started.push('clock');
          throw new Error('The clock is broken');
        },
      },
    };
    const { store, network, calls } = setup(
      toolThenAnswer([
        { id: 'c1', name: 'weather', args: '{"city":"Oslo"}' },
        { id: 'c2', name: 'clock', args: '{}' },
      ]),
      { tools },
    );
    const sent = store.send('Weather and time?');
    await waitFor(() => expect(started).toEqual(['weather', 'clock']));
    expect(calls().map((call) => call.state)).toEqual(['running', 'failed']);
    slow.open();
    await sent;
    expect(calls()).toMatchObject([
      { id: 'c1', state: 'done', result: '{"city":"Oslo","temp":3}' },
      { id: 'c2', state: 'failed', error: 'The clock is broken', result: 'Error: The clock is broken' },
    ]);
    expect(store.getState().status).toBe('idle');
    expect(network.requests[0]?.tools?.map((tool) => tool.function.name)).toEqual(['weather', 'clock']);
    expect(toolMessages(network.requests[1]?.messages)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '{"city":"Oslo","temp":3}' },
      { role: 'tool', tool_call_id: 'c2', content: 'Error: The clock is broken' },
    ]);
    expect(selectMessages(store.getState()).map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'assistant',
    ]);
  });

  it('never runs a call whose arguments break the schema, and tells the model why', async () => {
    const execute = vi.fn();
    const { store, network, calls } = setup(
      toolThenAnswer([{ id: 'c1', name: 'weather', args: '{"town":1}' }]),
      {
        tools: { weather: { parameters: city, execute } },
      },
    );
    await store.send('Weather?');
    expect(execute).not.toHaveBeenCalled();
    expect(calls()[0]).toMatchObject({
      state: 'failed',
      error: expect.stringContaining('$ is missing "city"'),
    });
    expect(toolMessages(network.requests[1]?.messages)[0]?.content).toMatch(
      /^Error: The arguments of weather do not match/,
    );
  });

  it('fails a call to a tool nobody declared', async () => {
    const { store, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'launch', args: '{}' }]), { tools: {} });
    await store.send('Go');
    expect(calls()[0]).toMatchObject({ state: 'failed', error: 'There is no tool named "launch".' });
  });

  it('waits for approval, then runs the tool and continues', async () => {
    const execute = vi.fn(() => 'sent');
    const { store, network, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'email', args: '{}' }]), {
      tools: { email: { parameters: { type: 'object' }, needsApproval: true, execute } },
    });
    await store.send('Email Bob');
    expect(store.getState().status).toBe('awaiting-tool');
    expect(calls()[0]?.state).toBe('awaiting-approval');
    expect(execute).not.toHaveBeenCalled();
    store.approveToolCall('c1');
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(execute).toHaveBeenCalledTimes(1);
    expect(calls()[0]).toMatchObject({ state: 'done', result: 'sent' });
    expect(network.requests).toHaveLength(2);
  });

  it('tells the model when the user denies a call', async () => {
    const execute = vi.fn();
    const { store, network, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'email', args: '{}' }]), {
      tools: { email: { parameters: { type: 'object' }, needsApproval: true, execute } },
    });
    await store.send('Email Bob');
    store.denyToolCall('c1', 'not now');
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(execute).not.toHaveBeenCalled();
    expect(calls()[0]?.state).toBe('denied');
    expect(toolMessages(network.requests[1]?.messages)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: 'The user denied this tool call: not now' },
    ]);
  });

  it('waits for the app to add the result of a tool without an executor', async () => {
    const onToolCall = vi.fn(() => undefined);
    const { store, network, calls } = setup(
      toolThenAnswer([{ id: 'c1', name: 'pick', args: '{"city":"Rome"}' }]),
      {
        tools: { pick: { parameters: city } },
        onToolCall,
      },
    );
    await store.send('Pick one');
    expect(calls()[0]?.state).toBe('awaiting-result');
    expect(store.getState().status).toBe('awaiting-tool');
    expect(onToolCall).toHaveBeenCalledWith(expect.objectContaining({ args: { city: 'Rome' } }));
    store.addToolResult('c1', { picked: 'Rome' });
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(toolMessages(network.requests[1]?.messages)[0]?.content).toBe('{"picked":"Rome"}');
  });

  it('uses what onToolCall returns as the result', async () => {
    const { store, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'locate', args: '{}' }]), {
      onToolCall: async () => 'Oslo',
    });
    await store.send('Where am I?');
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(calls()[0]).toMatchObject({ state: 'done', result: 'Oslo' });
  });

  it('answers pending calls as cancelled when the user sends a new message instead', async () => {
    const { store, network, calls } = setup(
      (_body, index) =>
        index === 0
          ? [toolCalls({ id: 'c1', name: 'email', args: '{}' }), finish('tool_calls')]
          : [...text('OK'), finish('stop')],
      { tools: { email: { parameters: { type: 'object' }, needsApproval: true, execute: () => 'sent' } } },
    );
    await store.send('Email Bob');
    await store.send('Actually, never mind');
    expect(calls()[0]).toMatchObject({
      state: 'failed',
      error: 'Cancelled: the user sent a new message instead.',
    });
    expect(network.requests[1]?.messages.slice(-2)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: 'Error: Cancelled: the user sent a new message instead.' },
      { role: 'user', content: 'Actually, never mind' },
    ]);
    expect(store.getState().status).toBe('idle');
  });

  it('stops after maxToolRounds with a notice, without running the last calls', async () => {
    const { store, network, execute } = loopingTool({ maxToolRounds: 2 });
    await store.send('Loop forever');
    expect(network.requests).toHaveLength(3);
    expect(execute).toHaveBeenCalledTimes(2);
    const last = lastAssistantMessage(store.getState());
    expect(last?.notice).toMatchObject({
      code: 'max-tool-rounds',
      message: expect.stringContaining('2 tool rounds'),
    });
    expect(last?.toolCalls?.[0]?.state).toBe('failed');
    expect(store.getState().status).toBe('idle');
  });

  it('runs five tool rounds by itself when maxToolRounds is not set', async () => {
    const { store, network, execute } = loopingTool({});
    await store.send('Loop forever');
    expect(execute).toHaveBeenCalledTimes(5);
    expect(network.requests).toHaveLength(6);
    expect(lastAssistantMessage(store.getState())?.notice?.code).toBe('max-tool-rounds');
  });

  it('stops continuing once the replies since the user message cost more than maxCost', async () => {
    const { store, network, execute } = loopingTool({ maxCost: 0.1 }, 0.04);
    await store.send('Spend');
    // 0.04, 0.08 are within the budget; the third reply brings it to 0.12, so its calls never run.
    expect(network.requests).toHaveLength(3);
    expect(execute).toHaveBeenCalledTimes(2);
    const last = lastAssistantMessage(store.getState());
    expect(last?.notice).toMatchObject({
      code: 'cost-budget',
      message: expect.stringContaining('cost 0.12, over the budget of 0.1 (maxCost)'),
    });
    expect(last?.toolCalls?.[0]?.state).toBe('failed');
    expect(store.getState().status).toBe('idle');
  });

  it('stops running executors with stop(), even one that ignores its signal', async () => {
    let signal: AbortSignal | undefined;
    const { store, network, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'forever', args: '{}' }]), {
      tools: {
        forever: {
          parameters: { type: 'object' },
          execute: (_args, context) => {
            signal = context.signal;
            return new Promise(() => {});
          },
        },
      },
    });
    const sent = store.send('Run');
    await waitFor(() => expect(calls()[0]?.state).toBe('running'));
    store.stop();
    await sent;
    expect(signal?.aborted).toBe(true);
    expect(calls()[0]).toMatchObject({ state: 'failed', error: 'Stopped by the user.' });
    expect(store.getState().status).toBe('idle');
    expect(network.requests).toHaveLength(1);
  });

  it('keeps a call waiting for approval when the user stops, so it can still be approved', async () => {
    const { store, calls } = setup(toolThenAnswer([{ id: 'c1', name: 'email', args: '{}' }]), {
      tools: { email: { parameters: { type: 'object' }, needsApproval: true, execute: () => 'sent' } },
    });
    await store.send('Email Bob');
    store.stop();
    expect(calls()[0]?.state).toBe('awaiting-approval');
    expect(store.getState().status).toBe('awaiting-tool');
    store.approveToolCall('c1');
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(calls()[0]).toMatchObject({ state: 'done', result: 'sent' });
  });
});
