/**
 * Server-side rendering: the package imports and renders in Node, with no DOM, and a server render
 * shows the initial conversation without sending a request.
 */
import type { ChatMessage } from '@parley/client/chat';
import {
  ChatProvider,
  ParleyProvider,
  useChatCompletion,
  useChatMessage,
  useChatMessageIds,
  useChatStatus,
} from '@parley/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

const history: ChatMessage[] = [
  {
    id: 'q',
    role: 'user',
    parts: [{ type: 'text', text: 'Hello <there>' }],
    createdAt: 0,
    status: 'complete',
  },
  { id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'Hi!' }], createdAt: 1, status: 'complete' },
];

const textOf = (message: ChatMessage | undefined) =>
  message?.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

function Chat({ fetch }: { fetch: typeof globalThis.fetch }) {
  const chat = useChatCompletion({
    baseURL: 'https://api.example.test/api/v1',
    model: 'parley/echo',
    initialMessages: history,
    fetch,
  });
  return (
    <section data-status={chat.status}>
      {chat.messages.map((message) => (
        <p key={message.id}>
          {message.role}: {textOf(message)}
        </p>
      ))}
    </section>
  );
}

function Row({ id }: { id: string }) {
  return <li>{textOf(useChatMessage(id))}</li>;
}

function List() {
  const ids = useChatMessageIds();
  return (
    <ol data-status={useChatStatus()}>
      {ids.map((id) => (
        <Row key={id} id={id} />
      ))}
    </ol>
  );
}

describe('server-side rendering', () => {
  it('renders useChatCompletion to a string in Node, without a DOM or a request', () => {
    expect(typeof window).toBe('undefined');
    const requests: unknown[] = [];
    const html = renderToString(
      <ParleyProvider baseURL="https://api.example.test/api/v1">
        <Chat
          fetch={async (input) => {
            requests.push(input);
            return new Response(null, { status: 500 });
          }}
        />
      </ParleyProvider>,
    );
    expect(html).toBe(
      '<section data-status="idle"><p>user<!-- -->: <!-- -->Hello &lt;there&gt;</p><p>assistant<!-- -->: <!-- -->Hi!</p></section>',
    );
    expect(requests).toEqual([]);
  });

  it('renders a list from ids and rows from their own message', () => {
    const html = renderToString(
      <ChatProvider options={{ initialMessages: history }}>
        <List />
      </ChatProvider>,
    );
    expect(html).toBe('<ol data-status="idle"><li>Hello &lt;there&gt;</li><li>Hi!</li></ol>');
  });
});
