import '../styles.css';
import type { ChatMessage, ChatStore, ChatTextPart } from '@parley/client/chat';
import { useChatMessageIds } from '@parley/react';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { settled, trackedChatStores } from '../__fixtures__/chat-stores.ts';
import { history, longConversation } from '../__fixtures__/preview-conversation.ts';
import { slowList } from '../__fixtures__/slow-list.tsx';
import type { ContentPartComponents, ContentPartProps } from '../content-parts/content-part-types.ts';
import type { LazyComponent } from '../lazy-component.tsx';
import * as MessageList from '../message-list/index.ts';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';
import { ConversationPreview, previewMessages, useConversationPreview } from './conversation-preview.tsx';
import { SwappedViewport } from './lazy-message.tsx';

const { chatStore } = trackedChatStores();

/** What `Chat.Messages` does with a preview, over a list that loads when the test says. */
function Conversation({
  store,
  list,
  components,
}: {
  store: ChatStore;
  list: ReturnType<typeof slowList>['list'];
  components?: Partial<ContentPartComponents>;
}) {
  const ids = useChatMessageIds(store);
  const preview = useConversationPreview(store, ids, list);
  return (
    <MessageList.Root style={{ height: 480 }}>
      <SwappedViewport
        from={list}
        ids={ids}
        renderMessage={() => null}
        preview={
          preview?.length ? <ConversationPreview messages={preview} components={components} /> : undefined
        }
      />
    </MessageList.Root>
  );
}

/** An app's text renderer that fails on one message. */
function Exploding({ part }: ContentPartProps<ChatTextPart>) {
  if (part.text.includes('monoid')) throw new Error('The renderer failed');
  return <p>{part.text}</p>;
}

describe('the preview of a conversation', () => {
  it('is readable, and read by screen readers, while the list is on its way', async () => {
    const { list } = slowList();
    const store = chatStore(history);
    render(<Conversation store={store} list={list} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    await within(log).findByText('monoid', { selector: 'strong' });
    expect(within(log).getByText('In plain words?')).toBeVisible();
    // Its rows name who wrote them, as the list's do; they offer nothing to press yet.
    expect(within(log).getAllByText('Assistant')).toHaveLength(2);
    expect(within(log).queryByRole('button')).toBeNull();
    expect(log).not.toHaveAttribute('data-loaded');
    await expectNoAxeViolations(document.body);
  });

  it('shows a part whose renderer fails as its text, and the rest of the conversation', async () => {
    const { list } = slowList();
    const store = chatStore(history);
    render(<Conversation store={store} list={list} components={{ text: Exploding }} />);
    expect(
      await screen.findByText('This part could not be displayed. Here is its text as sent.'),
    ).toBeVisible();
    expect(screen.getByText('A **monoid** in the category of endofunctors.')).toBeVisible();
    expect(screen.getByText('In plain words?')).toBeVisible();
  });

  it('gives way to the list once it has loaded, and keeps the focus of a person who tabbed to it', async () => {
    const { list, requested, arrive } = slowList();
    const store = chatStore(history);
    render(<Conversation store={store} list={list} />);
    await screen.findByText('monoid', { selector: 'strong' });
    // The list's code is asked for once the preview is on screen, not before.
    expect(requested()).toBe(false);
    await waitFor(() => expect(requested()).toBe(true));
    await userEvent.tab();
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveFocus();

    await act(async () => arrive());
    const loaded = await waitFor(() => {
      const log = screen.getByRole('log', { name: 'Conversation' });
      expect(log).toHaveAttribute('data-loaded');
      return log;
    });
    expect(loaded).toHaveTextContent('h1, h2, h3, h4');
    expect(loaded).toHaveFocus();
  });

  it('is not drawn for a conversation whose last message is not plain text: the list waits for its rows', async () => {
    const { list, arrive } = slowList();
    const store = chatStore([
      ...history,
      {
        ...settled('h5', 'assistant', ''),
        toolCalls: [{ id: 'c1', index: 0, name: 'get_weather', argumentsText: '{}', state: 'done' }],
      },
    ]);
    render(<Conversation store={store} list={list} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    // The markdown renderer has loaded (before the file's tests): a preview would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toBeEmptyDOMElement();
    await act(async () => arrive());
    expect(await screen.findByText('h1, h2, h3, h4, h5')).toHaveAttribute('data-loaded');
  });

  it('keeps the conversation on screen when a message is sent before the list is there', async () => {
    const { list, requested, arrive } = slowList();
    const store = chatStore(history);
    render(<Conversation store={store} list={list} />);
    await screen.findByText('monoid', { selector: 'strong' });
    await act(async () => {
      void store.send('One more?');
    });
    // The sent message joins the preview; the reply on its way waits for the list, asked for at once.
    expect(await screen.findByText('One more?')).toBeVisible();
    expect(screen.getByText('monoid', { selector: 'strong' })).toBeVisible();
    await waitFor(() => expect(requested()).toBe(true));
    await act(async () => arrive());
    await waitFor(() =>
      expect(screen.getByRole('log', { name: 'Conversation' })).toHaveAttribute('data-loaded'),
    );
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveTextContent(/^h1, h2, h3, h4, \S+, \S+$/);
  });
});

describe('a conversation opened once the list is in the page', () => {
  it('is drawn as a preview first, and the list takes over once the page is idle', async () => {
    const list = await loadedList();
    render(<Conversation store={chatStore(history)} list={list} />);
    // In the first render: the text, with nothing to press yet.
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('monoid', { selector: 'strong' })).toBeVisible();
    expect(log).not.toHaveAttribute('data-loaded');
    await waitFor(() =>
      expect(screen.getByRole('log', { name: 'Conversation' })).toHaveAttribute('data-loaded'),
    );
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveTextContent('h1, h2, h3, h4');
  });

  it('shows a first message sent into an empty chat in the list at once, never as a preview', async () => {
    const list = await loadedList();
    const store = chatStore();
    const { container } = render(<Conversation store={store} list={list} />);
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) added.push(node.textContent ?? '');
    });
    observer.observe(container, { subtree: true, childList: true, characterData: true });
    await act(async () => {
      void store.send('Hi there');
    });
    const log = await waitFor(() => {
      const shown = screen.getByRole('log', { name: 'Conversation' });
      expect(shown).toHaveAttribute('data-loaded');
      return shown;
    });
    expect(log).toHaveTextContent(store.getState().messageIds[0] ?? 'no message');
    observer.disconnect();
    expect(added.some((text) => text.includes('Hi there'))).toBe(false);
  });
});

describe('a saved message that is malformed', () => {
  it('is not previewed, and takes nothing down: the list shows it', async () => {
    const { list, arrive } = slowList();
    const broken = { ...settled('h5', 'assistant', ''), parts: [null] } as unknown as ChatMessage;
    render(<Conversation store={chatStore([...history, broken])} list={list} />);
    expect(screen.getByRole('log', { name: 'Conversation' })).toBeEmptyDOMElement();
    await act(async () => arrive());
    expect(await screen.findByText('h1, h2, h3, h4, h5')).toHaveAttribute('data-loaded');
  });
});

describe('a long conversation in the preview', () => {
  const atEnd = (log: HTMLElement) => log.scrollHeight - log.clientHeight - log.scrollTop <= 1;

  it('draws the latest rows that fill the log first, and the rest once the person scrolls up, in place', async () => {
    await page.viewport(800, 600);
    try {
      const { list } = slowList();
      render(<Conversation store={chatStore(longConversation)} list={list} />);
      const log = screen.getByRole('log', { name: 'Conversation' });
      const last = await within(log).findByText('Message number 11');
      // A 600 px window holds five short rows: the first messages are not drawn yet, and the log is full.
      expect(within(log).queryByText('Message number 0')).toBeNull();
      expect(log.scrollHeight).toBeGreaterThan(log.clientHeight);
      expect(atEnd(log)).toBe(true);
      expect(last).toBeVisible();

      const shown = within(log).getByText('Message number 10');
      const top = shown.getBoundingClientRect().top;
      await act(async () => {
        log.scrollTop -= 40;
        log.dispatchEvent(new Event('scroll'));
      });
      expect(await within(log).findByText('Message number 0')).toBeInTheDocument();
      // What the person was looking at stays where it was, 40 px lower for the scroll.
      expect(Math.abs(shown.getBoundingClientRect().top - (top + 40))).toBeLessThanOrEqual(1);
    } finally {
      await page.viewport(414, 896);
    }
  });

  it('draws every row before the paint when the first ones do not fill the log', async () => {
    await page.viewport(800, 240);
    try {
      const { list } = slowList();
      render(<Conversation store={chatStore(longConversation)} list={list} />);
      const log = screen.getByRole('log', { name: 'Conversation' });
      // Two rows of a 240 px window leave most of the 480 px log empty: all twelve are drawn at once.
      expect(await within(log).findByText('Message number 0')).toBeInTheDocument();
      expect(within(log).getByText('Message number 11')).toBeInTheDocument();
      expect(atEnd(log)).toBe(true);
    } finally {
      await page.viewport(414, 896);
    }
  });
});

/** The hook alone, counting its renders; `ids` are the test's, so only the messages could re-render it. */
function PreviewProbe({
  store,
  ids,
  list,
  renders,
}: {
  store: ChatStore;
  ids: readonly string[];
  list: LazyComponent<MessageListViewportProps>;
  renders: { count: number; listShown?: boolean };
}) {
  renders.count++;
  renders.listShown = useConversationPreview(store, ids, list) === null;
  return null;
}

/** A list whose code is already in the page, as once any conversation has been opened. */
async function loadedList() {
  const { list, arrive } = slowList();
  const loading = list.preload();
  arrive();
  await loading;
  return list;
}

describe('Chat.Messages opening a conversation', () => {
  it('draws its preview in its first render, and renders once more when the list takes over', async () => {
    const list = await loadedList();
    const renders: { count: number; listShown?: boolean } = { count: 0 };
    const ids = history.map((message) => message.id);
    render(<PreviewProbe store={chatStore(history)} ids={ids} list={list} renders={renders} />);
    await waitFor(() => expect(renders.listShown).toBe(true));
    expect(renders.count).toBe(2);
  });
});

describe('Chat.Messages once the list shows', () => {
  it('does not render again for each streamed token', async () => {
    const list = await loadedList();
    const store = chatStore(history);
    const renders: { count: number; listShown?: boolean } = { count: 0 };
    const ids = history.map((message) => message.id);
    render(<PreviewProbe store={store} ids={ids} list={list} renders={renders} />);
    await waitFor(() => expect(renders.listShown).toBe(true));
    const before = renders.count;
    await act(async () => {
      await store.send('Stream me a reply of several tokens, please.');
    });
    expect(store.getState().messageIds).toHaveLength(6);
    expect(renders.count).toBe(before);
  });
});

describe('previewMessages', () => {
  const byId = (messages: ChatMessage[]) => Object.fromEntries(messages.map((m) => [m.id, m]));
  it('takes the latest messages when each is settled text, and none otherwise', () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      settled(`m${index}`, index % 2 ? 'assistant' : 'user', `text ${index}`),
    );
    const ids = many.map((message) => message.id);
    expect(previewMessages(byId(many), ids)?.map((message) => message.id)).toEqual(ids.slice(-12));
    expect(previewMessages({}, [])).toEqual([]);
    const streaming = { ...settled('s', 'assistant', 'partial'), status: 'streaming' as const };
    expect(previewMessages(byId([...many, streaming]), [...ids, 's'])).toBeNull();
    const reasoned = { ...settled('r', 'assistant', 'answer'), reasoning: { text: 'hm', details: [] } };
    expect(previewMessages(byId([...many, reasoned]), [...ids, 'r'])).toBeNull();
    const image: ChatMessage = {
      ...settled('i', 'user', ''),
      parts: [{ type: 'image', url: 'https://example.com/cat.png' }],
    };
    expect(previewMessages(byId([...many, image]), [...ids, 'i'])).toBeNull();
    // An older message that is not plain, past the preview's rows, does not matter.
    expect(previewMessages(byId([image, ...many]), ['i', ...ids])).toHaveLength(12);
  });
});
