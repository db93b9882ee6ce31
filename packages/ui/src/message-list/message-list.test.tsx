/// <reference types="@vitest/browser-playwright" />
import type { ChatMessage } from '@parley/client/chat';
import { act, render, screen, waitFor } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it } from 'vitest';
import { cdp, userEvent as realUser } from 'vitest/browser';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { longConversation } from '../__fixtures__/messages.ts';
import * as MessageList from './index.ts';

const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;

function Row({ text }: { text: string }) {
  return <p style={{ margin: 0, padding: 8 }}>{text}</p>;
}

function Conversation({
  texts,
  last,
  apiRef,
}: {
  texts: string[];
  last?: ChatMessage;
  apiRef?: React.Ref<MessageList.MessageListApi>;
}) {
  const ids = React.useMemo(() => texts.map((_, index) => `m${index}`), [texts]);
  const renderMessage = React.useCallback(
    (_id: string, index: number) => <Row text={texts[index] ?? ''} />,
    [texts],
  );
  return (
    <div style={{ height: 300, display: 'flex', flexDirection: 'column' }}>
      <MessageList.Root
        apiRef={apiRef}
        style={{ flex: 1, minHeight: 0, position: 'relative', display: 'flex' }}
      >
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

  it('glides back to the latest message, then keeps following the stream', async () => {
    const texts = lines(80);
    const { rerender } = render(<Conversation texts={texts} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await realUser.wheel(log, { delta: { y: -1500 } });
    await realUser.click(await screen.findByRole('button', { name: 'Jump to latest' }));
    // Frame by frame, the list passes through positions between where it was and the bottom.
    const distances: number[] = [];
    while (distanceFromBottom(log) > 1) {
      distances.push(distanceFromBottom(log));
      // The reply grows while the list glides: it lands at the new bottom.
      if (distances.length === 3) {
        rerender(<Conversation texts={[...texts.slice(0, -1), `Streaming ${'more words '.repeat(20)}`]} />);
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (distances.length > 300)
        throw new Error(
          `The list never reached the bottom: ${distances.filter((_, i) => i % 10 === 0).join(' ')}`,
        );
    }
    expect(distances.length).toBeGreaterThan(2);
    expect(distances.some((distance) => distance > 100 && distance < distances[0]!)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    // The stream goes on: the list follows it without another jump.
    for (let step = 1; step <= 3; step++) {
      rerender(
        <Conversation texts={[...texts.slice(0, -1), `Streaming ${'more words '.repeat(20 + step * 40)}`]} />,
      );
      await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    }
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('keeps following when asked to go to the latest message while already there', async () => {
    const texts = lines(40);
    const api = React.createRef<MessageList.MessageListApi>();
    const { rerender } = render(<Conversation texts={texts} apiRef={api} />);
    const log = screen.getByRole('log');
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    // What Chat.Messages does when the person sends: nothing to glide, and no scroll to end one.
    act(() => api.current?.scrollToLatest());
    rerender(<Conversation texts={[...texts, `Reply ${'words '.repeat(200)}`]} apiRef={api} />);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    rerender(<Conversation texts={[...texts, `Reply ${'words '.repeat(400)}`]} apiRef={api} />);
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
  });

  it('jumps without gliding when the person prefers reduced motion', async () => {
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', {
      features: [{ name: 'prefers-reduced-motion', value: 'reduce' }],
    });
    try {
      render(<Conversation texts={lines(80)} />);
      const log = screen.getByRole('log');
      await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
      await realUser.wheel(log, { delta: { y: -1500 } });
      await realUser.click(await screen.findByRole('button', { name: 'Jump to latest' }));
      expect(distanceFromBottom(log)).toBeLessThanOrEqual(1);
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
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

  it('says a stopped reply, and leaves a failed one to the reply’s own alert', async () => {
    const [question, reply] = longConversation(2) as [ChatMessage, ChatMessage];
    const streaming: ChatMessage = { ...reply, status: 'streaming' };
    const { rerender } = render(<Conversation texts={['Q', 'A']} last={question} />);
    const status = screen.getByRole('status');
    rerender(<Conversation texts={['Q', 'A']} last={streaming} />);
    await act(async () => {
      rerender(<Conversation texts={['Q', 'A']} last={{ ...streaming, status: 'aborted' }} />);
    });
    expect(status).toHaveTextContent('Reply stopped.');
    const retried: ChatMessage = { ...streaming, id: 'retried' };
    rerender(<Conversation texts={['Q', 'A']} last={retried} />);
    await act(async () => {
      rerender(
        <Conversation
          texts={['Q', 'A']}
          last={{
            ...retried,
            status: 'error',
            finishReason: 'error',
            error: { kind: 'stream', message: 'Upstream failed' },
          }}
        />,
      );
    });
    expect(status).toHaveTextContent('');
  });
});
