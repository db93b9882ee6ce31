import type { ChatMessage } from '@parley/client/chat';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { taggedSimulatorClient } from './__fixtures__/simulator-requests.ts';
import { textOf } from './__fixtures__/test-chat.tsx';
import { ChatProvider, useChatStore } from './chat-provider.tsx';
import { PreferencesProvider } from './preferences-provider.tsx';
import { createPreferencesStore, type PreferencesStore, toRequestParams } from './preferences-store.ts';
import { useChatCompletion } from './use-chat-completion.ts';
import { useChatMessage, useChatMessageIds } from './use-chat-selectors.ts';

const PATIENT = { timeout: 8000 };
const FAST = { parley_scenario: 'slow;pace=0' };

function servedBy(message: ChatMessage): string {
  const tried = message.route?.map((attempt) => `${attempt.model}@${attempt.provider}=${attempt.status}`);
  return `${message.model} via ${message.provider}${tried ? ` (${tried.join(' > ')})` : ''}`;
}

function HookChat({ client }: { client: ReturnType<typeof taggedSimulatorClient>['client'] }) {
  const chat = useChatCompletion({ client, model: 'parley/echo', params: { metadata: FAST } });
  return (
    <>
      <ol aria-label="Messages">
        {chat.messages.map((message) => (
          <li key={message.id} aria-label={`${message.role} ${message.status}`}>
            {textOf(message)}
            {message.role === 'assistant' && message.status === 'complete' && <p>{servedBy(message)}</p>}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void chat.send('Hello')}>
        Send
      </button>
    </>
  );
}

function ProviderRow({ id }: { id: string }) {
  const message = useChatMessage(id);
  if (message?.role !== 'assistant' || message.status !== 'complete') return null;
  return <li aria-label="assistant complete">{servedBy(message)}</li>;
}

function ProviderChat() {
  const ids = useChatMessageIds();
  const { send } = useChatStore();
  return (
    <>
      <ol aria-label="Messages">
        {ids.map((id) => (
          <ProviderRow key={id} id={id} />
        ))}
      </ol>
      <button type="button" onClick={() => void send('Hello')}>
        Send
      </button>
    </>
  );
}

const replies = () => screen.getAllByRole('listitem', { name: 'assistant complete' });

async function sendAndWait(count: number) {
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(replies()).toHaveLength(count), PATIENT);
}

describe('preferences reach the next request', () => {
  it('toRequestParams sends only what was set: model first, fallbacks as models[], provider when touched', () => {
    const store = createPreferencesStore();
    expect(toRequestParams(store.getState())).toEqual({});
    store.getState().setChain(['parley/echo:nitro', 'parley/structured']);
    store.getState().setParams({ temperature: 0.4 });
    store.getState().setProvider({ sort: 'price' });
    expect(toRequestParams(store.getState())).toEqual({
      model: 'parley/echo:nitro',
      models: ['parley/structured'],
      temperature: 0.4,
      provider: { sort: 'price' },
    });
  });

  it('saves, applies and deletes named presets; reset clears the parameters', () => {
    const store = createPreferencesStore({ params: { temperature: 0.1 } });
    const actions = store.getState();
    actions.savePreset('precise');
    actions.setParams({ temperature: 1.5, seed: 3 });
    actions.setProvider({ zdr: true });
    actions.savePreset('wild');
    actions.applyPreset('precise');
    expect(store.getState()).toMatchObject({ params: { temperature: 0.1 }, provider: {} });
    actions.applyPreset('wild');
    expect(store.getState()).toMatchObject({
      params: { temperature: 1.5, seed: 3 },
      provider: { zdr: true },
    });
    actions.deletePreset('precise');
    expect(store.getState().presets.map((preset) => preset.name)).toEqual(['wild']);
    actions.resetParams();
    expect(store.getState().params).toEqual({});
  });

  it('useChatCompletion sends what the preferences hold at each send, and the reply names who served', async () => {
    const simulator = taggedSimulatorClient('hook-preferences');
    const preferences: PreferencesStore = createPreferencesStore();
    render(
      <PreferencesProvider store={preferences}>
        <HookChat client={simulator.client} />
      </PreferencesProvider>,
    );
    await sendAndWait(1);
    act(() => {
      preferences.getState().setChain(['parley/echo:unavailable', 'parley/structured']);
      preferences.getState().setProvider({ order: ['Mynah'], allow_fallbacks: false });
      preferences.getState().setParams({ temperature: 0.3, seed: 7 });
    });
    await sendAndWait(2);
    const [first, second] = await simulator.received();
    expect(first).toMatchObject({ model: 'parley/echo' });
    expect(first).not.toHaveProperty('provider');
    expect(second).toMatchObject({
      model: 'parley/echo:unavailable',
      models: ['parley/structured'],
      provider: { order: ['Mynah'], allow_fallbacks: false },
      temperature: 0.3,
      seed: 7,
      metadata: FAST,
    });
    expect(replies()[1]).toHaveTextContent(
      'parley/structured via Mynah (parley/echo:unavailable@Mynah=503 > parley/structured@Mynah=200)',
    );
  });

  it('ChatProvider follows a preferences change made after the store was created', async () => {
    const simulator = taggedSimulatorClient('provider-preferences');
    const preferences = createPreferencesStore({ chain: ['parley/echo'] });
    render(
      <PreferencesProvider store={preferences}>
        <ChatProvider options={{ client: simulator.client, params: { metadata: FAST } }}>
          <ProviderChat />
        </ChatProvider>
      </PreferencesProvider>,
    );
    act(() => preferences.getState().setProvider({ sort: 'price' }));
    await sendAndWait(1);
    act(() => preferences.getState().setProvider({ sort: 'latency' }));
    await sendAndWait(2);
    const bodies = await simulator.received();
    expect(bodies.map((body) => body.provider)).toEqual([{ sort: 'price' }, { sort: 'latency' }]);
    // Lyrebird is the cheapest provider of echo, Mynah the quickest to answer.
    expect(replies().map((reply) => reply.textContent)).toEqual([
      expect.stringContaining('parley/echo via Lyrebird'),
      expect.stringContaining('parley/echo via Mynah'),
    ]);
  });
});
