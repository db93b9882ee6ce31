/**
 * The chat's "not saved" notice against real storage: a thread store whose own adapter refuses
 * writes like a full disk, and two thread stores over Chromium's IndexedDB (two tabs), one deleting
 * the thread the other has open. Replies come from the simulator over HTTP.
 */
import { createParleyClient } from '@parley/client';
import {
  createIndexedDbThreadStorage,
  createThreadStore,
  importThreadsJson,
  type ThreadStorage,
  type ThreadStore,
} from '@parley/client/chat';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import '../styles.css';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { fillableStorage } from '../__fixtures__/fillable-storage.ts';
import { simulatorBaseURL } from '../__fixtures__/simulator.ts';
import * as Chat from './chat-parts.ts';

const stores: ThreadStore[] = [];
let run = 0;
afterEach(() => {
  run += 1;
  for (const store of stores.splice(0)) store.destroy();
});

function openThreads(storage: ThreadStorage) {
  const store = createThreadStore({ storage });
  stores.push(store);
  return store;
}

/** Catches the download a click on a generated link starts, and reads the file. */
function catchDownloads() {
  const files: { name: string; href: string }[] = [];
  const onClick = (event: MouseEvent) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    files.push({ name: link.download, href: link.href });
  };
  document.addEventListener('click', onClick, true);
  return {
    files,
    read: async (index: number) => (await fetch(files[index]!.href)).text(),
    stop: () => document.removeEventListener('click', onClick, true),
  };
}

const textbox = () => screen.getByRole('textbox', { name: 'Message' });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const frame = { height: 640 };
// Replies stream from the simulator over HTTP: on a busy machine they take seconds, not milliseconds.
const PATIENT = { timeout: 8000 };
/** The notice's polite "Saved" (the chat has other status regions: the conversation's announcer...). */
const savedStatus = () =>
  screen.queryAllByRole('status').find((status) => status.textContent?.startsWith('Saved'));

/** Whether the page would ask before closing: a cancelable beforeunload, as the browser sends it. */
function leavingIsHeldBack(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

function renderChat(threads: ThreadStore, conversationId: string) {
  return render(
    <Chat.Root
      style={frame}
      options={{
        client: createParleyClient({ baseURL: simulatorBaseURL(), maxRetries: 0 }),
        model: 'parley/echo',
        persistence: threads.persistence,
        conversationId,
      }}
    />,
  );
}

describe('Chat.StorageNotice in Chat.Root', () => {
  it('says "not saved" when storage is full, exports the conversation to a file, and Retry saving stores it', async () => {
    const user = userEvent.setup();
    const storage = fillableStorage();
    const threads = openThreads(storage);
    const { container } = renderChat(threads, 'trip');
    await user.type(textbox(), 'Plan a trip{Enter}');
    // Saved once the reply came to rest.
    await waitFor(() => expect(threads.get('trip')?.messageIds).toHaveLength(2), PATIENT);
    expect(screen.queryByRole('alert')).toBeNull();

    storage.full = true;
    await user.type(textbox(), 'And the hotel?{Enter}');
    const alert = await screen.findByRole('alert', {}, PATIENT);
    expect(alert).toHaveTextContent('Not saved: storage is full');
    expect(alert).toHaveTextContent(/kept in this tab only/);
    await waitFor(() => expect(within(log()).getAllByRole('article')).toHaveLength(4), PATIENT);
    await expectNoAxeViolations(container);
    // Closing or reloading the tab now would lose the turn: the browser is asked to confirm.
    expect(leavingIsHeldBack()).toBe(true);

    const downloads = catchDownloads();
    await user.click(within(alert).getByRole('button', { name: 'Export to file' }));
    downloads.stop();
    expect(downloads.files[0]?.name).toMatch(/^conversation-\d{4}-\d{2}-\d{2}\.json$/);
    const { threads: exported, issues } = importThreadsJson(await downloads.read(0));
    expect(issues).toEqual([]);
    expect(exported[0]?.id).toBe('trip');
    expect(exported[0]?.messageIds).toHaveLength(4);

    storage.full = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry saving' }));
    await waitFor(() => expect(savedStatus()).toBeDefined(), PATIENT);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(textbox()).toHaveFocus();
    expect((storage.get('trip') as { messageIds: string[] }).messageIds).toHaveLength(4);
    expect(leavingIsHeldBack()).toBe(false);
  });

  it('tells the tab that still has a thread open when another tab deletes it, and Save it again brings it back for both (IndexedDB)', async () => {
    const user = userEvent.setup();
    const name = `parley-notice-${run}-${Date.now()}`;
    const tabA = openThreads(createIndexedDbThreadStorage({ name }));
    const tabB = openThreads(createIndexedDbThreadStorage({ name }));
    await tabB.ready();
    renderChat(tabB, 'shared');
    await user.type(textbox(), 'Hello from B{Enter}');
    await waitFor(() => expect(tabA.get('shared')?.messageIds).toHaveLength(2), PATIENT);

    await tabA.remove('shared');
    const alert = await screen.findByRole('alert', {}, PATIENT);
    expect(alert).toHaveTextContent('This conversation was deleted');
    // Going on in the stale tab does not bring it back.
    await user.type(textbox(), 'Still here?{Enter}');
    await waitFor(() => expect(within(log()).getAllByRole('article')).toHaveLength(4), PATIENT);
    const stored = await createIndexedDbThreadStorage({ name }).get('shared');
    expect(stored).toMatchObject({ deleted: true });
    expect(tabA.get('shared')).toBeUndefined();

    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Save it again' }));
    await waitFor(() => expect(savedStatus()).toBeDefined(), PATIENT);
    await waitFor(() => expect(tabA.get('shared')?.messageIds).toHaveLength(4), PATIENT);
  });
});
