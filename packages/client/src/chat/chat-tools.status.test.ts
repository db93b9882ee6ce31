/**
 * The chat's status across tool rounds, as a composer reads it: busy (`submitted`/`streaming`) from
 * the send until nothing more will happen by itself, `awaiting-tool` only while the user or the app
 * must answer a call, `idle` at the end. Every notified status is recorded, so a gap of one
 * notification between a round and the next request fails the test.
 */
import { describe, expect, it, vi } from 'vitest';
import { createParleyClient } from '../client.ts';
import type { ChatCompletionParams } from '../wire-types.ts';
import { createScriptedFetch, finish, gate, text, toolCalls } from './__fixtures__/scripted-fetch.ts';
import { waitFor } from './__fixtures__/wait-for.ts';
import { syncScheduler } from './chat-notify.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStoreOptions } from './chat-store-types.ts';
import type { ChatStatus } from './chat-types.ts';

/** Replies with `calls` until the request carries tool results, then answers in text. */
function toolThenAnswer(calls: Parameters<typeof toolCalls>) {
  return (body: ChatCompletionParams) =>
    body.messages[body.messages.length - 1]?.role === 'tool'
      ? [...text('All done.'), finish('stop')]
      : [toolCalls(...calls), finish('tool_calls')];
}

function setup(
  calls: Parameters<typeof toolCalls>,
  options: Partial<ChatStoreOptions>,
  script: Parameters<typeof createScriptedFetch>[0] = toolThenAnswer(calls),
) {
  const network = createScriptedFetch(script);
  const store = createChatStore({
    client: createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch }),
    scheduler: syncScheduler,
    ...options,
  });
  const statuses: ChatStatus[] = [store.getState().status];
  store.subscribe((state) => {
    if (state.status !== statuses.at(-1)) statuses.push(state.status);
  });
  const callStates = () => {
    const { messageIds, messagesById } = store.getState();
    const reply = messageIds.map((id) => messagesById[id]).find((message) => message?.toolCalls?.length);
    return reply?.toolCalls?.map((call) => call.state);
  };
  const replies = () =>
    store.getState().messageIds.filter((id) => store.getState().messagesById[id]?.role === 'assistant');
  return { store, network, statuses, callStates, replies };
}

const busy = (status: ChatStatus | undefined) => status === 'submitted' || status === 'streaming';

describe('createChatStore: status across tool rounds', () => {
  it('stays busy from the send through a running tool to the follow-up, idle only at the end', async () => {
    const slow = gate();
    const execute = vi.fn(async () => {
      await slow.promise;
      return '09:00';
    });
    const { store, network, statuses } = setup([{ id: 'c1', name: 'time', args: '{}' }], {
      tools: { time: { parameters: { type: 'object' }, execute } },
    });
    const sent = store.send('What time is it?');
    await waitFor(() => expect(execute).toHaveBeenCalled());
    // The tool runs and the follow-up is not sent yet: the composer must offer Stop, not Send.
    expect(busy(store.getState().status)).toBe(true);
    expect(network.requests).toHaveLength(1);
    slow.open();
    await sent;
    expect(network.requests).toHaveLength(2);
    expect(statuses.at(-1)).toBe('idle');
    const during = statuses.slice(1, -1);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((status) => !busy(status))).toEqual([]);
  });

  it('waits for the user as awaiting-tool, then is busy while the approved tool runs', async () => {
    const slow = gate();
    const execute = vi.fn(async () => {
      await slow.promise;
      return 'sent';
    });
    const { store, network, statuses, callStates } = setup([{ id: 'c1', name: 'email', args: '{}' }], {
      tools: { email: { parameters: { type: 'object' }, needsApproval: true, execute } },
    });
    await store.send('Email Bob');
    expect(callStates()).toEqual(['awaiting-approval']);
    expect(store.getState().status).toBe('awaiting-tool');
    // Before the approval was asked for, the chat never looked idle.
    expect(statuses.slice(1, -1).filter((status) => !busy(status))).toEqual([]);
    const waited = statuses.length;
    store.approveToolCall('c1');
    await waitFor(() => expect(execute).toHaveBeenCalled());
    expect(busy(store.getState().status)).toBe(true);
    slow.open();
    await waitFor(() => expect(store.getState().status).toBe('idle'));
    expect(network.requests).toHaveLength(2);
    expect(statuses.slice(waited, -1).filter((status) => !busy(status))).toEqual([]);
  });

  it('asks for the approval at once when another call of the round still runs', async () => {
    const slow = gate();
    const { store, callStates } = setup(
      [
        { id: 'c1', name: 'time', args: '{}' },
        { id: 'c2', name: 'email', args: '{}' },
      ],
      {
        tools: {
          time: { parameters: { type: 'object' }, execute: () => slow.promise.then(() => '09:00') },
          email: { parameters: { type: 'object' }, needsApproval: true, execute: () => 'sent' },
        },
      },
    );
    const sent = store.send('Time, then email Bob');
    await waitFor(() => expect(callStates()).toEqual(['running', 'awaiting-approval']));
    expect(store.getState().status).toBe('awaiting-tool');
    slow.open();
    await sent;
    expect(store.getState().status).toBe('awaiting-tool');
  });

  it.each([
    ['before', 'after'],
    ['after', 'before'],
  ])(
    'an approval while another call runs (its executor ending %s the other) sends exactly one follow-up',
    async (order) => {
      const slow = gate();
      const approved = gate();
      const { store, network, callStates, statuses } = setup(
        [
          { id: 'c1', name: 'time', args: '{}' },
          { id: 'c2', name: 'email', args: '{}' },
        ],
        {
          tools: {
            time: { parameters: { type: 'object' }, execute: () => slow.promise.then(() => '09:00') },
            email: {
              parameters: { type: 'object' },
              needsApproval: true,
              execute: () => approved.promise.then(() => 'sent'),
            },
          },
        },
      );
      void store.send('Time, then email Bob');
      await waitFor(() => expect(callStates()).toEqual(['running', 'awaiting-approval']));
      store.approveToolCall('c2');
      expect(busy(store.getState().status)).toBe(true);
      const waited = statuses.length;
      const [first, second] = order === 'before' ? [approved, slow] : [slow, approved];
      first.open();
      await waitFor(() => expect(callStates()).toContain('done'));
      second.open();
      await waitFor(() => expect(store.getState().status).toBe('idle'));
      expect(callStates()).toEqual(['done', 'done']);
      expect(network.requests).toHaveLength(2);
      expect(statuses.slice(waited, -1).filter((status) => !busy(status))).toEqual([]);
    },
  );

  it('a stop while a tool runs cancels the follow-up and leaves the chat ready for the next message', async () => {
    const execute = vi.fn(
      (_args: unknown, { signal }: { signal: AbortSignal }) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    );
    const { store, network, callStates, replies } = setup(
      [{ id: 'c1', name: 'time', args: '{}' }],
      { tools: { time: { parameters: { type: 'object' }, execute } } },
      (_body, index) =>
        index === 0
          ? [toolCalls({ id: 'c1', name: 'time', args: '{}' }), finish('tool_calls')]
          : [...text('Hi!'), finish('stop')],
    );
    const sent = store.send('What time is it?');
    await waitFor(() => expect(callStates()).toEqual(['running']));
    store.stop();
    await sent;
    expect(store.getState().status).toBe('idle');
    expect(callStates()).toEqual(['failed']);
    expect(network.requests).toHaveLength(1);
    expect(replies()).toHaveLength(1);
    await store.send('Never mind, say hi');
    expect(store.getState().status).toBe('idle');
    expect(network.requests).toHaveLength(2);
    expect(network.requests[1]?.messages.at(-1)).toMatchObject({
      role: 'user',
      content: 'Never mind, say hi',
    });
    expect(replies()).toHaveLength(2);
  });
});
