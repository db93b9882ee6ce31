import { createParleyClient } from '@parley/client';
import { type ChatTextPart, createChatStore, createLocalStoragePersistence } from '@parley/client/chat';
import { ChatProvider } from '@parley/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { settled, trackedChatStores } from '../__fixtures__/chat-stores.ts';
import { simulatorBaseURL } from '../__fixtures__/simulator.ts';
import type { ContentPartProps } from '../content-parts/content-part-types.ts';
import * as Chat from './chat-parts.ts';

const { chatStore, track } = trackedChatStores();
const history = [
  settled('h1', 'user', 'First question'),
  settled('h2', 'assistant', 'First answer'),
  settled('h3', 'user', 'Second question'),
  settled('h4', 'assistant', 'Second answer'),
];

/** A page's localStorage that survives the "reload" of a test (a new store reading what the first saved). */
function memoryStorage() {
  const saved = new Map<string, string>();
  const storage = {
    getItem: (key: string) => saved.get(key) ?? null,
    setItem: (key: string, value: string) => void saved.set(key, value),
    removeItem: (key: string) => void saved.delete(key),
  };
  return { saved, storage };
}

// Counts renders per text; settled texts never change, so their count is their row's render count.
const renders = new Map<string, number>();
function CountingText({ part }: ContentPartProps<ChatTextPart>) {
  renders.set(part.text, (renders.get(part.text) ?? 0) + 1);
  return <p>{part.text}</p>;
}
const countingComponents = { text: CountingText };

const frame = { height: 500, display: 'flex', flexDirection: 'column' } as const;

describe('Chat.Messages', () => {
  it('streams a reply from the simulator into the list and announces it once finished', async () => {
    const store = chatStore();
    const { container } = render(<Chat.Messages store={store} style={frame} />);
    await store.send('Hello there, simulator');
    const log = screen.getByRole('log', { name: 'Conversation' });
    const reply = await within(log).findByRole('article', { name: 'Assistant message' });
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'complete'));
    expect(within(log).getByRole('article', { name: 'Your message' })).toHaveTextContent(
      'Hello there, simulator',
    );
    expect(reply).toHaveTextContent('parley/echo');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Assistant replied: /));
    await expectNoAxeViolations(container);
  });

  it('re-renders no settled row while a reply streams', async () => {
    const store = chatStore(history);
    render(<Chat.Messages store={store} components={countingComponents} style={frame} />);
    // The full rows (with their actions) take over from the conversation's preview: counted from there.
    await screen.findAllByRole('group', { name: 'Message actions' });
    renders.clear();
    await store.send('Tell me something long, please');
    await waitFor(() =>
      expect(screen.getAllByRole('article', { name: 'Assistant message' })).toHaveLength(3),
    );
    for (const message of history)
      expect(renders.get((message.parts[0] as ChatTextPart).text)).toBeUndefined();
    // The reply itself rendered many times as it streamed.
    const replyTexts = [...renders.keys()].filter(
      (text) => !history.some((m) => (m.parts[0] as ChatTextPart).text === text),
    );
    expect(replyTexts.length).toBeGreaterThan(2);
  });

  it('regenerates a reply and moves between its versions', async () => {
    const user = userEvent.setup();
    const store = chatStore();
    render(<Chat.Messages store={store} style={frame} />);
    await store.send('Say something');
    const first = await screen.findByRole('article', { name: 'Assistant message' });
    await waitFor(() => expect(first).toHaveAttribute('data-status', 'complete'));
    within(first).getByRole('button', { name: 'Regenerate' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('group', { name: 'Versions' })).toHaveTextContent('2 / 2'));
    // The actions hid while the new reply streamed; focus waited in the conversation.
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByRole('article', { name: 'Assistant message' })).toHaveAttribute(
        'data-status',
        'complete',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Previous version' }));
    expect(screen.getByRole('group', { name: 'Versions' })).toHaveTextContent('1 / 2');
  });

  it('still says how long the model thought after the page reloads', async () => {
    const { saved, storage } = memoryStorage();
    const options = {
      client: createParleyClient({ baseURL: simulatorBaseURL() }),
      model: 'parley/reasoner',
      persistence: createLocalStoragePersistence({ storage }),
      conversationId: 'reload',
    };
    const first = createChatStore(options);
    track(first);
    const { unmount } = render(<Chat.Messages store={first} style={frame} />);
    await first.send('What is 6 times 7?');
    const thought = await screen.findByRole('button', { name: /^Thought for \d+ s$/ });
    const label = thought.textContent;
    await waitFor(() => expect(saved.size).toBe(1));
    unmount();
    first.destroy();

    const reloaded = createChatStore(options);
    track(reloaded);
    render(<Chat.Messages store={reloaded} style={frame} />);
    expect(await screen.findByRole('button', { name: /^Thought for \d+ s$/ })).toHaveTextContent(label ?? '');
  });

  it('still says how long each tool call ran after the page reloads', async () => {
    const { saved, storage } = memoryStorage();
    const options = {
      client: createParleyClient({ baseURL: simulatorBaseURL() }),
      model: 'parley/tool-caller',
      tools: {
        get_weather: {
          parameters: { type: 'object', properties: { city: { type: 'string' } } },
          // A lookup that takes a moment, as a real one would.
          execute: () => new Promise((resolve) => setTimeout(() => resolve({ temperature: 21 }), 60)),
        },
      },
      persistence: createLocalStoragePersistence({ storage }),
      conversationId: 'tool-reload',
    };
    const first = createChatStore(options);
    track(first);
    const { unmount } = render(<Chat.Messages store={first} style={frame} />);
    await first.send('What is the weather in Lisbon?');
    const live = await screen.findByRole('button', { name: /^get_weather Done \d+ ms$/ });
    expect(Number.parseInt(live.textContent?.match(/(\d+) ms/)?.[1] ?? '0', 10)).toBeGreaterThanOrEqual(55);
    const label = live.textContent;
    await waitFor(() => expect(saved.values().next().value).toContain('temperature'));
    unmount();
    first.destroy();

    const reloaded = createChatStore(options);
    track(reloaded);
    render(<Chat.Messages store={reloaded} style={frame} />);
    expect(await screen.findByRole('button', { name: /^get_weather Done \d+ ms$/ })).toHaveTextContent(
      label ?? '',
    );
  });

  it('deletes a message through the store', async () => {
    const user = userEvent.setup();
    const store = chatStore(history);
    render(
      <ChatProvider store={store}>
        <Chat.Messages style={frame} />
      </ChatProvider>,
    );
    // The conversation opens as a preview; the actions come with the full rows, a moment later.
    const deleteAnswer = await waitFor(() =>
      within(screen.getByText('First answer').closest('article') as HTMLElement).getByRole('button', {
        name: 'Delete',
      }),
    );
    deleteAnswer.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText('First answer')).toBeNull());
    expect(store.getState().messageIds).toEqual(['h1', 'h3', 'h4']);
    // The button went with its row; focus stays in the conversation instead of the page's top.
    expect(screen.getByRole('log', { name: 'Conversation' })).toHaveFocus();
  });

  it('deletes one unrelated message without dropping the regenerated alternatives of another reply', async () => {
    const user = userEvent.setup();
    const store = chatStore(history);
    render(<Chat.Messages store={store} style={frame} />);
    await store.regenerate();
    await store.regenerate();
    const before = Object.keys(store.getState().messagesById).length;
    expect(before).toBe(6);
    const question = (await screen.findByText('First question')).closest('article') as HTMLElement;
    await user.click(within(question).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByText('First question')).toBeNull());
    expect(Object.keys(store.getState().messagesById)).toHaveLength(before - 1);
    const last = store.getState().messageIds.at(-1)!;
    expect(store.getBranch(last)).toEqual({ index: 2, count: 3 });
  });
});
