import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, waitFor } from 'storybook/test';
import { Sidebar } from '../__fixtures__/thread-sidebar.tsx';
import { sidebarThreads } from '../__fixtures__/threads.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './thread-list.usage.tsx?raw';

const meta = {
  title: 'Sidebar/ThreadList',
  component: Sidebar,
  parameters: {
    docs: {
      description: usageDescription(
        'The saved conversations: search, rename, pin and delete with Undo, keyboard-complete.',
        usage,
      ),
    },
  },
  args: {
    threads: sidebarThreads,
    activeId: 'trip',
    onSelect: fn(),
    onRename: fn(),
    onPin: fn(),
    onDelete: fn(),
  },
} satisfies Meta<typeof Sidebar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A sidebar: pinned first, the open thread marked, previews under the titles. Click opens. */
export const Default: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('button', { name: /^Plan a day in Porto/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(canvas.getByRole('button', { name: 'Quarterly report outline Pinned' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: /^Leek and potato soup/ }));
    await expect(args.onSelect).toHaveBeenCalledWith('recipe');
  },
};

/** A thread whose latest change the storage refused (a full quota): "Not saved". */
export const NotSaved: Story = {
  args: { unsaved: { trip: { kind: 'quota', message: 'Storage is full', at: 0 } } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Plan a day in Porto Not saved' })).toBeVisible();
  },
};

/** Nothing yet. */
export const Empty: Story = {
  args: { threads: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No conversations yet.')).toHaveAttribute('role', 'status');
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

/** A search that matches nothing says so; Escape clears it. */
export const NoMatches: Story = {
  args: { defaultQuery: 'volcano' },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByText('No conversation matches “volcano”.')).toBeVisible();
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search conversations' }));
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(sidebarThreads.length);
  },
};

/** Renaming inline with the keyboard: F2, type, Enter. */
export const Renaming: Story = {
  play: async ({ canvas, userEvent, args }) => {
    canvas.getByRole('button', { name: /^Plan a day in Porto/ }).focus();
    await userEvent.keyboard('{F2}');
    const input = canvas.getByRole('textbox', { name: 'Rename “Plan a day in Porto”' });
    await userEvent.clear(input);
    await userEvent.type(input, 'Porto, Saturday{Enter}');
    await expect(args.onRename).toHaveBeenCalledWith('trip', 'Porto, Saturday');
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Porto, Saturday/ })).toHaveFocus());
  },
};

/** Pinning from the actions menu moves the thread into the pinned group. */
export const Pinning: Story = {
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Actions for “Leek and potato soup”' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Pin' }));
    await expect(args.onPin).toHaveBeenCalledWith('recipe', true);
    await expect(canvas.getByRole('button', { name: /^Leek and potato soup Pinned/ })).toBeVisible();
  },
};

/** Deleting offers Undo for a few seconds, announced; Undo brings the thread back. */
export const DeleteWithUndo: Story = {
  play: async ({ canvas, userEvent, args }) => {
    canvas.getByRole('button', { name: /^Why does this regex backtrack/ }).focus();
    await userEvent.keyboard('{Delete}');
    await expect(args.onDelete).toHaveBeenCalledWith('regex');
    await expect(canvas.queryByRole('button', { name: /^Why does this regex backtrack/ })).toBeNull();
    await expect(await canvas.findByText('Deleted “Why does this regex backtrack?”.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await expect(canvas.getByRole('button', { name: /^Why does this regex backtrack/ })).toBeVisible();
  },
};

/** On a phone: 375 px wide, the actions always visible (no hover on touch screens). */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile1' } },
  render: (args) => (
    <div style={{ width: 343 }}>
      <Sidebar {...args} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('navigation', { name: 'Conversations' }).getBoundingClientRect().width,
    ).toBeLessThanOrEqual(343);
  },
};
