import { createMemoryThreadStorage, createThreadStore, type ThreadStore } from '@parley/client/chat';
import { ThreadsProvider } from '@parley/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, screen, waitFor } from 'storybook/test';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './chat-thread-list.usage.tsx?raw';
import * as ThreadList from './thread-list-parts.ts';

const at = Date.UTC(2026, 11, 1, 12);
const message = (id: string, text: string) => ({
  id,
  role: 'user' as const,
  parts: [{ type: 'text' as const, text }],
  createdAt: at,
  status: 'complete' as const,
});

/** A thread store with three conversations, as a returning visitor has. */
function seededStore(): ThreadStore {
  const store = createThreadStore({ storage: createMemoryThreadStorage(), sync: false });
  void store.restore(
    ...[
      ['porto', 'Plan a day in Porto', 'Take the tram to Foz at sunset'],
      ['soup', 'Leek and potato soup', 'Sweat the leeks slowly'],
      ['regex', 'Why does this regex backtrack?', 'Nested quantifiers'],
    ].map(([id, title, text], index) => ({
      version: 2 as const,
      id: id!,
      title: title!,
      createdAt: at - index,
      updatedAt: at - index,
      pinned: false,
      metadata: {},
      propertiesUpdatedAt: at,
      messageIds: [`${id}-1`],
      messagesById: { [`${id}-1`]: message(`${id}-1`, text!) },
      branches: {},
      deletedIds: [],
    })),
  );
  return store;
}

function ConnectedSidebar() {
  const [store] = React.useState(seededStore);
  const [openId, setOpenId] = React.useState<string>();
  return (
    <ThreadsProvider store={store}>
      <div style={{ maxWidth: 320 }}>
        <ThreadList.Root activeId={openId} onSelect={setOpenId} />
      </div>
    </ThreadsProvider>
  );
}

const meta = {
  title: 'Connected/ThreadList',
  component: ConnectedSidebar,
  parameters: {
    docs: {
      description: usageDescription(
        'The list of saved conversations, connected to the nearest ThreadsProvider.',
        usage,
      ),
    },
  },
} satisfies Meta<typeof ConnectedSidebar>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The list of a thread store: search finds words in the messages, delete and undo go through the store. */
export const WithThreadStore: Story = {
  play: async ({ canvas, userEvent }) => {
    await canvas.findByRole('button', { name: /^Plan a day in Porto/ });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search conversations' }), 'leeks');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(1));
    await userEvent.clear(canvas.getByRole('searchbox', { name: 'Search conversations' }));
    await userEvent.click(canvas.getByRole('button', { name: /^Plan a day in Porto/ }));
    await expect(canvas.getByRole('button', { name: /^Plan a day in Porto/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for “Leek and potato soup”' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2));
    await userEvent.click(await canvas.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(3));
  },
};
