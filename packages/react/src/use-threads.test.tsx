import { createIndexedDbThreadStorage, createThreadStore, type ThreadStore } from '@parley/client/chat';
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorBaseURL, textOf, uniqueName } from './__fixtures__/test-chat.tsx';
import { ThreadsProvider } from './threads-provider.tsx';
import { useChatCompletion } from './use-chat-completion.ts';
import { useThread, useThreads } from './use-threads.ts';

const PATIENT = { timeout: 8000 };
const opened: ThreadStore[] = [];
/** A thread store on Chromium's real IndexedDB, in a database no other test uses. */
function openStore(name: string) {
  const store = createThreadStore({ storage: createIndexedDbThreadStorage({ name }) });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const store of opened.splice(0)) store.destroy();
});

function wrapper(store: ThreadStore) {
  return ({ children }: { children: ReactNode }) => (
    <ThreadsProvider store={store}>{children}</ThreadsProvider>
  );
}

describe('useThreads and useThread (real IndexedDB)', () => {
  it('creates, renames, pins, searches and deletes with undo, and a new page finds the same list', async () => {
    const name = uniqueName('threads');
    const store = openStore(name);
    const { result } = renderHook(({ query }) => useThreads({ query }), {
      wrapper: wrapper(store),
      initialProps: { query: '' },
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    let id = '';
    await act(async () => {
      id = (await result.current.create({ title: 'Lisbon trip' })).id;
      await result.current.create({ title: 'Groceries' });
    });
    expect(result.current.visible.map((thread) => thread.title)).toEqual(['Groceries', 'Lisbon trip']);
    await act(() => result.current.pin(id));
    expect(result.current.visible.map((thread) => [thread.title, thread.pinned])).toEqual([
      ['Lisbon trip', true],
      ['Groceries', false],
    ]);
    const removed = await act(() => result.current.remove(id));
    expect(result.current.visible.map((thread) => thread.title)).toEqual(['Groceries']);
    await act(() => result.current.restore(removed!));
    const reloaded = renderHook(({ query }) => useThreads({ query }), {
      wrapper: wrapper(openStore(name)),
      initialProps: { query: 'lisbon' },
    });
    await waitFor(() =>
      expect(reloaded.result.current.visible.map((thread) => thread.title)).toEqual(['Lisbon trip']),
    );
    expect(reloaded.result.current.visible[0]?.pinned).toBe(true);
  });

  it('follows a thread changed in another tab (a second store on the same database)', async () => {
    const name = uniqueName('tabs');
    const tabA = openStore(name);
    const tabB = openStore(name);
    const thread = await tabA.create({ title: 'Shared' });
    const { result } = renderHook(() => useThread(thread.id), { wrapper: wrapper(tabB) });
    await waitFor(() => expect(result.current.thread?.title).toBe('Shared'));
    await tabA.rename(thread.id, 'Renamed elsewhere');
    await waitFor(() => expect(result.current.thread?.title).toBe('Renamed elsewhere'));
    await tabA.remove(thread.id);
    await waitFor(() => expect(result.current.thread).toBeUndefined());
  });
});

function ThreadChat({ id }: { id: string }) {
  const { store } = useThreads();
  const { thread } = useThread(id);
  const chat = useChatCompletion({
    baseURL: simulatorBaseURL(),
    model: 'parley/echo',
    persistence: store.persistence,
    conversationId: id,
  });
  return (
    <section aria-label={thread?.title || 'New thread'}>
      <ol aria-label="Messages">
        {chat.messages.map((message) => (
          <li key={message.id}>{textOf(message)}</li>
        ))}
      </ol>
      <button type="button" onClick={() => void chat.send('Plan a day in Porto')}>
        Send
      </button>
    </section>
  );
}

describe('a chat kept in a thread', () => {
  it('saves the conversation into the thread, names it after the first message, and restores it on the next visit', async () => {
    const name = uniqueName('chat-thread');
    const store = openStore(name);
    const first = render(
      <ThreadsProvider store={store}>
        <ThreadChat id="porto" />
      </ThreadsProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const section = await screen.findByRole('region', { name: 'Plan a day in Porto' }, PATIENT);
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(2), PATIENT);
    await waitFor(() => expect(store.get('porto')?.messageIds).toHaveLength(2), PATIENT);
    first.unmount();
    render(
      <ThreadsProvider store={openStore(name)}>
        <ThreadChat id="porto" />
      </ThreadsProvider>,
    );
    const restored = await screen.findByRole('region', { name: 'Plan a day in Porto' }, PATIENT);
    await waitFor(() => expect(within(restored).getAllByRole('listitem')).toHaveLength(2), PATIENT);
    expect(within(restored).getAllByRole('listitem')[0]?.textContent).toBe('Plan a day in Porto');
  });
});
