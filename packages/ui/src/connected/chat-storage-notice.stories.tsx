import { createParleyClient } from '@parley/client';
import { createMemoryThreadStorage, createThreadStore, type ThreadStore } from '@parley/client/chat';
import { createSimulatorFetch } from '@parley/mock-server/browser';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { fillableStorage } from '../__fixtures__/fillable-storage.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as Chat from './chat-parts.ts';
import usage from './chat-storage-notice.usage.tsx?raw';

interface StorageChatProps {
  /** What goes wrong: storage is full, or the conversation gets deleted by another tab. */
  trouble: 'full' | 'deleted';
}

/** A chat kept in a thread store whose storage fails the way `trouble` says; the simulator answers in the page. */
function StorageChat({ trouble }: StorageChatProps) {
  const [setup] = React.useState(() => {
    const storage = trouble === 'full' ? fillableStorage(true) : createMemoryThreadStorage();
    const threads = createThreadStore({ storage, sync: false });
    const client = createParleyClient({
      baseURL: 'https://parley.local/api/v1',
      fetch: createSimulatorFetch({ tokenDelayMs: 4 }),
    });
    return { threads, storage, client };
  });
  React.useEffect(() => () => setup.threads.destroy(), [setup]);
  return (
    <div style={{ display: 'grid', gap: 8, height: '100%' }}>
      {trouble === 'deleted' ? <DeleteButton threads={setup.threads} /> : null}
      <Chat.Root
        style={{ height: 520 }}
        options={{
          client: setup.client,
          model: 'parley/echo',
          persistence: setup.threads.persistence,
          conversationId: 'story',
        }}
      />
    </div>
  );
}

/** Stands in for the other tab: deletes the conversation this chat holds. */
function DeleteButton({ threads }: { threads: ThreadStore }) {
  return (
    <button type="button" onClick={() => void threads.remove('story')}>
      Delete this conversation elsewhere
    </button>
  );
}

const meta = {
  title: 'Connected/Chat/StorageNotice',
  component: StorageChat,
  args: { trouble: 'full' },
  parameters: {
    parleyFill: true,
    docs: {
      description: usageDescription(
        'The chat\'s "not saved" notice, connected to its store: why the latest changes are not saved, with Retry, Save it again or Export.',
        usage,
      ),
    },
  },
} satisfies Meta<typeof StorageChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const LONG = { timeout: 15_000 };

/** Storage refuses the first save: the chat says the conversation is not saved, and keeps it. */
export const StorageFull: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    const alert = await canvas.findByRole('alert', {}, LONG);
    await expect(alert).toHaveTextContent('Not saved: storage is full');
    await expect(within(alert).getByRole('button', { name: 'Retry saving' })).toBeVisible();
    await expect(within(alert).getByRole('button', { name: 'Export to file' })).toBeVisible();
    // Rows load their parts on demand, so the row may still be arriving when the notice shows.
    await expect(await canvas.findByRole('article', { name: 'Your message' }, LONG)).toHaveTextContent(
      'Hello',
    );
  },
};

/** Deleted while open: the chat says so and offers to save it again. */
export const DeletedElsewhere: Story = {
  args: { trouble: 'deleted' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Keep this{Enter}');
    await waitFor(
      () =>
        expect(canvas.getByRole('article', { name: 'Assistant message' })).toHaveAttribute(
          'data-status',
          'complete',
        ),
      LONG,
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Delete this conversation elsewhere' }));
    const alert = await canvas.findByRole('alert', {}, LONG);
    await expect(alert).toHaveTextContent('This conversation was deleted');
    await userEvent.click(within(alert).getByRole('button', { name: 'Save it again' }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull(), LONG);
    await expect(
      canvas.getAllByRole('status').some((status) => status.textContent?.startsWith('Saved')),
    ).toBe(true);
  },
};
