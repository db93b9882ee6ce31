import type { ChatMessage } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, waitFor } from 'storybook/test';
import { richMarkdown } from '../__fixtures__/markdown-samples.ts';
import { longConversation } from '../__fixtures__/messages.ts';
import { useReplayedText } from '../__fixtures__/replay.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as Message from '../message/index.ts';
import * as MessageList from './index.ts';
import usage from './message-list.usage.tsx?raw';

interface ConversationProps {
  messages: ChatMessage[];
}

const Row = React.memo(function Row({ message }: { message: ChatMessage }) {
  return <Message.Root message={message} />;
});

function Conversation({ messages }: ConversationProps) {
  const ids = React.useMemo(() => messages.map((message) => message.id), [messages]);
  const byId = React.useMemo(() => new Map(messages.map((message) => [message.id, message])), [messages]);
  const renderMessage = React.useCallback(
    (id: string) => {
      const message = byId.get(id);
      return message ? <Row message={message} /> : null;
    },
    [byId],
  );
  return (
    <MessageList.Root style={{ height: 480 }}>
      <MessageList.Viewport ids={ids} renderMessage={renderMessage} />
      <MessageList.JumpToLatest />
      <MessageList.Announcer message={messages.at(-1)} />
    </MessageList.Root>
  );
}

const meta = {
  title: 'Conversation/MessageList',
  component: Conversation,
  parameters: {
    docs: {
      description: usageDescription(
        'A virtualised conversation that follows the stream, offers "Jump to latest" once the person scrolls up, and announces finished replies.',
        usage,
      ),
    },
  },
  args: { messages: longConversation(40) },
} satisfies Meta<typeof Conversation>;

export default meta;
type Story = StoryObj<typeof meta>;

const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;

/** No messages yet: an empty, labelled log. */
export const Empty: Story = {
  args: { messages: [] },
  play: async ({ canvas }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    await expect(log.querySelectorAll('article')).toHaveLength(0);
  },
};

/** 10,000 messages: opens at the latest, rendering only the rows in view. */
export const LongConversation: Story = {
  args: { messages: longConversation(10_000) },
  play: async ({ canvas }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    await expect(await canvas.findByText('Question number 5000?')).toBeVisible();
    await expect(log.querySelectorAll('[data-slot="message-list-item"]').length).toBeLessThan(40);
  },
};

function LiveConversation() {
  const history = React.useMemo(() => longConversation(30), []);
  const { text, done } = useReplayedText(richMarkdown, { step: 5, intervalMs: 20 });
  const messages = React.useMemo<ChatMessage[]>(
    () => [
      ...history,
      {
        id: 'live',
        role: 'assistant',
        parts: [{ type: 'text', text }],
        createdAt: 0,
        status: done ? 'complete' : 'streaming',
        model: 'parley/echo',
      },
    ],
    [history, text, done],
  );
  return <Conversation messages={messages} />;
}

/** A reply streaming in: the list follows it, and announces it once, when it is finished. */
export const StreamingReply: Story = {
  // Plays its own fixture: no control would change it.
  parameters: { controls: { disable: true } },
  render: () => <LiveConversation />,
  play: async ({ canvas }) => {
    const log = canvas.getByRole('log');
    await waitFor(
      () => expect(canvas.getByRole('status')).toHaveTextContent(/^Assistant replied: Release notes/),
      {
        timeout: 15_000,
      },
    );
    await waitFor(() => expect(distanceFromBottom(log)).toBeLessThanOrEqual(1));
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  },
};

/** Scrolled up while a reply streams: the list stays put and offers "Jump to latest". */
export const ScrolledUp: Story = {
  // Plays its own fixture: no control would change it.
  parameters: { controls: { disable: true } },
  render: () => <LiveConversation />,
  play: async ({ canvas, userEvent }) => {
    const log = canvas.getByRole('log');
    log.focus();
    await userEvent.keyboard('{Home}');
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    await userEvent.click(jump);
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull());
    await expect(log).toHaveFocus();
  },
};
