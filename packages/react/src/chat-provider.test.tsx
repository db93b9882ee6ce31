import { type ChatMessage, type ChatStore, createChatStore } from '@parley/client/chat';
import { render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ChatProvider, useResolvedChatStore } from './index.ts';

const said = (text: string): ChatMessage[] => [
  { id: text, role: 'user', parts: [{ type: 'text', text }], createdAt: 0, status: 'complete' },
];

function FirstMessage({ store }: { store?: ChatStore }) {
  const chat = useResolvedChatStore(store);
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

describe('useResolvedChatStore', () => {
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
