import type { ChatMessage } from '@parley/client/chat';
import { act, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent as realUser } from 'vitest/browser';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { longConversation } from '../__fixtures__/messages.ts';
import * as MessageList from './index.ts';

const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;

function Row({ text }: { text: string }) {
  return <p style={{ margin: 0, padding: 8 }}>{text}</p>;
}

function Conversation({ texts, last }: { texts: string[]; last?: ChatMessage }) {
  const ids = React.useMemo(() => texts.map((_, index) => `m${index}`), [texts]);
  const renderMessage = React.useCallback(
    (_id: string, index: number) => <Row text={texts[index] ?? ''} />,
    [texts],
  );
  return (
    <div style={{ height: 300, display: 'flex', flexDirection: 'column' }}>
      <MessageList.Root style={{ flex: 1, minHeight: 0, position: 'relative', display: 'flex' }}>
        <MessageList.Viewport
          ids={ids}
          renderMessage={renderMessage}
          estimateSize={34}
          style={{ flex: 1, overflowY: 'auto' }}
        />
        <MessageList.JumpToLatest />
        <MessageList.Announcer message={last} />
      </MessageList.Root>
    </div>
  );
}

/** Resolves once the element has not scrolled for a few frames (a smooth scroll has ended). */
async function scrollSettled(element: HTMLElement) {
  let last = Number.NaN;
  let still = 0;
  while (still < 3) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    still = element.scrollTop === last ? still + 1 : 0;
    last = element.scrollTop;
  }
}

const lines = (count: number) => Array.from({ length: count }, (_, index) => `Message ${index}`);

describe('MessageList', () => {
  it('opens a 10,000-message conversation at the latest message, rendering only a window of rows', async () => {
    render(<Conversation texts={lines(10_000)} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    await waitFor(() => expect(screen.getByText('Message 9999')).toBeVisible());
    expect(log.querySelectorAll('[data-slot="message-list-item"]').length).toBeLessThan(60);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
  });

  it('stays pinned to the bottom while the last message grows', async () => {
    const texts = lines(50);
    const { rerender } = render(<Conversation texts={texts} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    for (let step = 1; step <= 5; step++) {
      const grown = [...texts.slice(0, -1), `Streaming reply ${'with many more words '.repeat(step * 20)}`];
      rerender(<Conversation texts={grown} />);
      await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    }
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('stops following when the person scrolls up, and offers to jump back', async () => {
    const texts = lines(80);
    const { rerender } = render(<Conversation texts={texts} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await realUser.wheel(log, { delta: { y: -600 } });
    const jump = await screen.findByRole('button', { name: 'Jump to latest' });
    const position = log.scrollTop;
    rerender(<Conversation texts={[...texts.slice(0, -1), `Longer ${'reply '.repeat(300)}`]} />);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(log.scrollTop).toBe(position);
    await realUser.click(jump);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    expect(log).toHaveFocus();
  });

  it('is focusable and scrolls with the keyboard', async () => {
    render(<Conversation texts={lines(80)} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    log.focus();
    const before = log.scrollTop;
    await realUser.keyboard('{PageUp}');
    await waitFor(() => expect(log.scrollTop).toBeLessThan(before));
    expect(await screen.findByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
    await scrollSettled(log);
    await realUser.keyboard('{End}');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull());
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await realUser.keyboard('{Home}');
    await waitFor(() => expect(screen.getByText('Message 0')).toBeVisible());
  });

  it('announces a finished reply once, not its tokens', async () => {
    const [question, reply] = longConversation(2) as [ChatMessage, ChatMessage];
    const streaming: ChatMessage = {
      ...reply,
      status: 'streaming',
      parts: [{ type: 'text', text: 'Sure: here' }],
    };
    const { rerender, container } = render(<Conversation texts={['Q', 'A']} last={question} />);
    const status = screen.getByRole('status');
    rerender(<Conversation texts={['Q', 'A']} last={streaming} />);
    rerender(
      <Conversation
        texts={['Q', 'A']}
        last={{ ...streaming, parts: [{ type: 'text', text: 'It depends' }] }}
      />,
    );
    expect(status).toHaveTextContent('');
    await act(async () => {
      rerender(<Conversation texts={['Q', 'A']} last={reply} />);
    });
    expect(status).toHaveTextContent(
      'Assistant replied: It depends on the configuration; the default is fine for most apps.',
    );
    await expectNoAxeViolations(container);
  });
});
