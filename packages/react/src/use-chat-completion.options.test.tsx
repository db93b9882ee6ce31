import { type ChatCompletionParams, createParleyClient } from '@parley/client';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  guardedSimulatorBaseURL,
  guardedSimulatorKey,
  recordingFetch,
  simulatorBaseURL,
  textOf,
} from './__fixtures__/test-chat.tsx';
import { ParleyProvider } from './parley-provider.tsx';
import { type UseChatCompletionOptions, useChatCompletion } from './use-chat-completion.ts';

const PATIENT = { timeout: 8000 };
const FAST = { parley_scenario: 'slow;pace=0' };

/** A chat on the simulator; with `fromContext`, it names no server and uses the provider's client. */
function Chat({ fromContext = false, ...options }: UseChatCompletionOptions & { fromContext?: boolean }) {
  const chat = useChatCompletion(fromContext ? options : { baseURL: simulatorBaseURL(), ...options });
  return (
    <>
      <ol aria-label="Messages">
        {chat.messages.map((message) => (
          <li key={message.id} aria-label={`${message.role} ${message.status}`}>
            {textOf(message)}
            {message.model && <small> (served by {message.model})</small>}
          </li>
        ))}
      </ol>
      {chat.error && <p role="alert">{chat.error.message}</p>}
      <button type="button" onClick={() => void chat.send('What is a parley?')}>
        Send
      </button>
    </>
  );
}

const replies = () => screen.getAllByRole('listitem', { name: 'assistant complete' });

describe('useChatCompletion options', () => {
  it('reads model, parameters and callbacks at send time, in the same conversation', async () => {
    const network = recordingFetch();
    const finished: string[] = [];
    const { rerender } = render(
      <Chat
        fetch={network.fetch}
        model="parley/echo"
        params={{ temperature: 0.2, metadata: FAST }}
        onFinish={() => finished.push('first callback')}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(1), PATIENT);

    rerender(
      <Chat
        fetch={network.fetch}
        model="parley/reasoner"
        params={{ temperature: 1.1, seed: 7, metadata: FAST }}
        onFinish={() => finished.push('second callback')}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(2), PATIENT);

    expect(replies()[0]).toHaveTextContent('served by parley/echo');
    expect(replies()[1]).toHaveTextContent('served by parley/reasoner');
    expect(network.bodies[0]).toMatchObject({ model: 'parley/echo', temperature: 0.2 });
    expect(network.bodies[0]?.seed).toBeUndefined();
    expect(network.bodies[1]).toMatchObject({ model: 'parley/reasoner', temperature: 1.1, seed: 7 });
    // The same chat: the second request carries the first exchange.
    expect(network.bodies[1]?.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(finished).toEqual(['first callback', 'second callback']);
  });

  it('sends every request parameter it is given, as the spec names them', async () => {
    const network = recordingFetch();
    const params = {
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 300,
      stop: ['<end>'],
      seed: 42,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      reasoning: { effort: 'low' },
      response_format: { type: 'text' },
      provider: { order: ['Parley'], allow_fallbacks: true },
      plugins: [{ id: 'moderation' }],
      route: 'fallback',
      metadata: { ...FAST, app: 'parley-tests' },
      session_id: 'session-1',
      user: 'user-1',
    } satisfies Partial<ChatCompletionParams>;
    render(<Chat fetch={network.fetch} models={['parley/echo', 'parley/reasoner']} params={params} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    // The simulator checks every request against the spec and refuses one it does not accept.
    await waitFor(() => expect(replies()).toHaveLength(1), PATIENT);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(network.bodies[0]).toMatchObject({ ...params, models: ['parley/echo', 'parley/reasoner'] });
  });

  it('sends with the client of a surrounding ParleyProvider when given no client or baseURL', async () => {
    const network = recordingFetch();
    render(
      <ParleyProvider client={createParleyClient({ baseURL: simulatorBaseURL(), fetch: network.fetch })}>
        <Chat fromContext model="parley/echo" params={{ metadata: FAST }} />
      </ParleyProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(1), PATIENT);
    expect(network.bodies).toHaveLength(1);
  });

  it('sends the next message of the same conversation to a changed endpoint with a changed key', async () => {
    const guarded = guardedSimulatorBaseURL();
    const chat = (baseURL: string, apiKey?: string) => (
      <Chat baseURL={baseURL} apiKey={apiKey} model="parley/echo" params={{ metadata: FAST }} />
    );
    const { rerender } = render(chat(simulatorBaseURL()));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(1), PATIENT);

    // The open simulator answers any key: only the guarded one can refuse this.
    rerender(chat(guarded, 'sk-not-this-one'));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('alert', {}, PATIENT);
    expect(screen.getByRole('listitem', { name: 'assistant error' })).toBeInTheDocument();

    rerender(chat(guarded, guardedSimulatorKey()));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(2), PATIENT);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('listitem', { name: 'user complete' })).toHaveLength(3);
  });

  it('follows a ParleyProvider whose key changes, from the next request', async () => {
    const guarded = guardedSimulatorBaseURL();
    const app = (apiKey: string) => (
      <ParleyProvider baseURL={guarded} apiKey={apiKey}>
        <Chat fromContext model="parley/echo" params={{ metadata: FAST }} />
      </ParleyProvider>
    );
    const { rerender } = render(app('sk-not-this-one'));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('alert', {}, PATIENT);

    rerender(app(guardedSimulatorKey()));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(replies()).toHaveLength(1), PATIENT);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
