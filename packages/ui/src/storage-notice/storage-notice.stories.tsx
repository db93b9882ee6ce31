import type { ThreadSaveError } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import * as StorageNotice from './index.ts';
import usage from './storage-notice.usage.tsx?raw';

const quota: ThreadSaveError = {
  kind: 'quota',
  message: 'Storage is full: The quota has been exceeded.',
  at: 1_764_650_000_000,
};
const blocked: ThreadSaveError = {
  kind: 'storage',
  message: 'The operation failed because the database connection is closing.',
  at: 1_764_650_000_000,
};
const deleted: ThreadSaveError = {
  kind: 'deleted',
  message: 'This conversation was deleted, so changes to it are no longer saved.',
  at: 1_764_650_000_000,
};

const meta = {
  title: 'StorageNotice',
  component: StorageNotice.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'Says that a conversation (or its latest changes) is not saved and why, with the actions that fit: Retry saving, Save it again, Export to file.',
        usage,
      ),
    },
  },
  args: { onRetry: fn(), onRestore: fn(), onExport: fn(), onDismiss: fn() },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 560 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StorageNotice.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Storage is full (a quota error): the latest changes live in this tab only. */
export const StorageFull: Story = {
  args: { unsaved: quota },
  play: async ({ canvas, args }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Not saved: storage is full');
    await expect(alert).toHaveTextContent('The quota has been exceeded.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry saving' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
    await userEvent.click(within(alert).getByRole('button', { name: 'Export to file' }));
    await expect(args.onExport).toHaveBeenCalledOnce();
  },
};

/** The browser refused for another reason (storage blocked, a closing database, a server error). */
export const StorageRefused: Story = {
  args: { unsaved: blocked },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent(/^Not saved/);
    await expect(alert).toHaveTextContent('database connection is closing');
    await expect(within(alert).getByRole('button', { name: 'Retry saving' })).toBeVisible();
  },
};

/** The conversation was deleted in another tab while this one had it open. */
export const DeletedElsewhere: Story = {
  args: { unsaved: deleted },
  play: async ({ canvas, args }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('This conversation was deleted');
    await expect(within(alert).queryByRole('button', { name: 'Retry saving' })).toBeNull();
    await userEvent.click(within(alert).getByRole('button', { name: 'Save it again' }));
    await expect(args.onRestore).toHaveBeenCalledOnce();
  },
};

/** After a refused save, a later one succeeded: said politely, until dismissed. */
export const SavedAgain: Story = {
  render: function SavedAgain(args) {
    const [unsaved, setUnsaved] = useState<ThreadSaveError | undefined>(quota);
    return <StorageNotice.Root {...args} unsaved={unsaved} onRetry={() => setUnsaved(undefined)} />;
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Retry saving' }));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(canvas.getByRole('status')).toHaveTextContent('Saved');
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('status')).toBeNull();
    await expect(args.onDismiss).toHaveBeenCalledOnce();
  },
};

/** Without callbacks, only what can be done is offered: here, Dismiss. */
export const WithoutActions: Story = {
  render: (args) => <StorageNotice.Root unsaved={quota} onDismiss={args.onDismiss} />,
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('button').map((button) => button.textContent)).toEqual(['Dismiss']);
  },
};
