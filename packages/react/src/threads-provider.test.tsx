import { createIndexedDbThreadStorage, createThreadStore, type ThreadStore } from '@parley/client/chat';
import { act, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueName } from './__fixtures__/test-chat.tsx';
import { ThreadsProvider, useThreadStore } from './threads-provider.tsx';

const opened: ThreadStore[] = [];
/** The store the provider gave its children. */
let provided: ThreadStore | undefined;
function Grab() {
  provided = useThreadStore();
  return null;
}
afterEach(() => {
  for (const store of opened.splice(0)) store.destroy();
});

describe('ThreadsProvider with a store of its own', () => {
  // React's StrictMode (development) mounts every effect, unmounts it and mounts it again: the demo's
  // `pnpm start` marked every conversation "Not saved" (the store's tab channel had been closed).
  it('saves and tells other tabs under StrictMode, as without it', async () => {
    const name = uniqueName('strict');
    render(
      <StrictMode>
        <ThreadsProvider options={{ storage: createIndexedDbThreadStorage({ name }) }}>
          <Grab />
        </ThreadsProvider>
      </StrictMode>,
    );
    const otherTab = createThreadStore({ storage: createIndexedDbThreadStorage({ name }) });
    opened.push(otherTab);
    await waitFor(() => expect(otherTab.getState().status).toBe('ready'));
    const thread = await act(() => (provided as ThreadStore).create({ title: 'Lisbon trip' }));
    expect(provided?.getState().unsaved).toEqual({});
    // The other tab hears of it (the channel is open) and shows it without a reload.
    await waitFor(() =>
      expect(otherTab.getState().threads.map((summary) => summary.id)).toEqual([thread.id]),
    );
  });

  it('stops listening to other tabs once it unmounts', async () => {
    const name = uniqueName('unmount');
    const { unmount } = render(
      <ThreadsProvider options={{ storage: createIndexedDbThreadStorage({ name }) }}>
        <Grab />
      </ThreadsProvider>,
    );
    await waitFor(() => expect(provided?.getState().status).toBe('ready'));
    unmount();
    const otherTab = createThreadStore({ storage: createIndexedDbThreadStorage({ name }) });
    opened.push(otherTab);
    await otherTab.create({ title: 'Groceries' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(provided?.getState().threads).toEqual([]);
  });
});
