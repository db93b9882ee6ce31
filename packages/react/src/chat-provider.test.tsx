import { type ChatMessage, type ChatStore, createChatStore } from '@parley/client/chat';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Component, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { recordingFetch, simulatorBaseURL } from './__fixtures__/test-chat.tsx';
import { type ChatOptions, ChatProvider, useChatMessageIds, useChatStore } from './index.ts';

const said = (text: string): ChatMessage[] => [
  { id: text, role: 'user', parts: [{ type: 'text', text }], createdAt: 0, status: 'complete' },
];

function FirstMessage({ store }: { store?: ChatStore }) {
  const chat = useChatStore(store);
  const first = chat.getState().messagesById[chat.getState().messageIds[0] ?? ''];
  return <p>{first?.parts[0]?.type === 'text' ? first.parts[0].text : 'empty'}</p>;
}

class Catch extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error.message}</p> : this.props.children;
  }
}

describe('useChatStore(store)', () => {
  it('uses the store a component is given, over the provider around it', () => {
    const given = createChatStore({ initialMessages: said('from the prop') });
    render(
      <ChatProvider options={{ initialMessages: said('from the provider') }}>
        <FirstMessage store={given} />
        <FirstMessage />
      </ChatProvider>,
    );
    expect(screen.getByText('from the prop')).toBeInTheDocument();
    expect(screen.getByText('from the provider')).toBeInTheDocument();
  });

  it('says what is missing when there is neither a store nor a provider', () => {
    // React logs the caught render error; the boundary shows what a developer would read.
    const original = console.error;
    console.error = () => {};
    try {
      render(
        <Catch>
          <FirstMessage />
        </Catch>,
      );
    } finally {
      console.error = original;
    }
    expect(screen.getByRole('alert')).toHaveTextContent(/pass a `store`.*<ChatProvider>/);
  });
});

function SendAndCount() {
  const { send } = useChatStore();
  return (
    <>
      <p>{useChatMessageIds().length} messages</p>
      <button type="button" onClick={() => void send('Hello')}>
        Send
      </button>
    </>
  );
}

describe('ChatProvider', () => {
  it('reads model, parameters and callbacks when it sends, so they can change between renders', async () => {
    const network = recordingFetch();
    const finished: string[] = [];
    const options = (model: string, temperature: number, name: string): ChatOptions => ({
      baseURL: simulatorBaseURL(),
      fetch: network.fetch,
      model,
      params: { temperature, metadata: { parley_scenario: 'slow;pace=0' } },
      onFinish: () => finished.push(name),
    });
    const { rerender } = render(
      <ChatProvider options={options('parley/echo', 0.2, 'first')}>
        <SendAndCount />
      </ChatProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(finished).toEqual(['first']), { timeout: 8000 });
    rerender(
      <ChatProvider options={options('parley/reasoner', 0.9, 'second')}>
        <SendAndCount />
      </ChatProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(finished).toEqual(['first', 'second']), { timeout: 8000 });
    expect(screen.getByText('4 messages')).toBeInTheDocument();
    expect(network.bodies.map((body) => [body.model, body.temperature])).toEqual([
      ['parley/echo', 0.2],
      ['parley/reasoner', 0.9],
    ]);
  });
});
