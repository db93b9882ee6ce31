import '../styles.css';
import type { ChatMessage, ChatStore } from '@parley/client/chat';
import { useChatMessageIds } from '@parley/react';
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { trackedChatStores } from '../__fixtures__/chat-stores.ts';
import { history, longConversation } from '../__fixtures__/preview-conversation.ts';
import { type LazyComponent, lazyComponent } from '../lazy-component.tsx';
import { MessageRoot } from '../message/message.tsx';
import * as MessageList from '../message-list/index.ts';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';
import { MessageListViewport } from '../message-list/message-list-viewport.tsx';
import { ConversationPreview, useConversationPreview } from './conversation-preview.tsx';
import { SwappedViewport } from './lazy-message.tsx';

// The virtualised list and real message rows taking over from the preview (conversation-preview.tsx):
// the same rows, in the same place, now with their actions.

const { chatStore } = trackedChatStores();

/** The real list, whose code arrives when the test says. */
function realList() {
  let arrive = () => {};
  const gate = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { list: lazyComponent(() => gate.then(() => MessageListViewport)), arrive: () => arrive() };
}

/** `Chat.Messages`' swap with the real list and real rows, the list arriving when the test says. */
function RealConversation({
  store,
  list,
}: {
  store: ChatStore;
  list: LazyComponent<MessageListViewportProps>;
}) {
  const ids = useChatMessageIds(store);
  const preview = useConversationPreview(store, ids, list);
  const { messagesById } = store.getState();
  const noop = () => undefined;
  return (
    <MessageList.Root style={{ height: 480, width: 720, display: 'flex' }}>
      <SwappedViewport
        from={list}
        ids={ids}
        renderMessage={(id) => (
          <MessageRoot
            message={messagesById[id] as ChatMessage}
            onRegenerate={noop}
            onEdit={noop}
            onDelete={noop}
          />
        )}
        preview={
          preview?.length ? <ConversationPreview messages={preview} components={undefined} /> : undefined
        }
      />
    </MessageList.Root>
  );
}

describe('the list taking over from the preview', () => {
  it('draws the same rows in the same place, now with their actions', async () => {
    const { list, arrive } = realList();
    const store = chatStore(history);
    render(<RealConversation store={store} list={list} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    const emphasis = await within(log).findByText('context', { selector: 'em' });
    const question = within(log).getByText('In plain words?');
    const before = [emphasis.getBoundingClientRect(), question.getBoundingClientRect()];
    expect(within(log).queryByRole('group', { name: 'Message actions' })).toBeNull();

    await act(async () => arrive());
    // The list's log, in place of the preview's.
    const actions = await screen.findAllByRole('group', { name: 'Message actions' });
    expect(actions).toHaveLength(4);
    const after = [
      screen.getByText('context', { selector: 'em' }).getBoundingClientRect(),
      screen.getByText('In plain words?').getBoundingClientRect(),
    ];
    for (const [index, box] of after.entries()) {
      expect(Math.abs(box.top - (before[index]?.top ?? 0))).toBeLessThanOrEqual(1);
      expect(Math.abs(box.left - (before[index]?.left ?? 0))).toBeLessThanOrEqual(1);
    }
  });
});

describe('the list taking over from a preview of the latest rows', () => {
  it('keeps the rows in sight where they were, the earlier ones now there above them', async () => {
    await page.viewport(800, 600);
    try {
      const { list, arrive } = realList();
      render(<RealConversation store={chatStore(longConversation)} list={list} />);
      const log = screen.getByRole('log', { name: 'Conversation' });
      await within(log).findByText('Message number 11');
      expect(within(log).queryByText('Message number 0')).toBeNull();
      const texts = ['Message number 10', 'Message number 11'];
      const before = texts.map((text) => screen.getByText(text).getBoundingClientRect().top);

      await act(async () => arrive());
      await screen.findAllByRole('group', { name: 'Message actions' });
      // What the next frame paints: the list scrolls to its end as it measures its rows, before that paint.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      for (const [index, text] of texts.entries()) {
        expect(
          Math.abs(screen.getByText(text).getBoundingClientRect().top - (before[index] ?? 0)),
        ).toBeLessThanOrEqual(1);
      }
    } finally {
      await page.viewport(414, 896);
    }
  });
});
