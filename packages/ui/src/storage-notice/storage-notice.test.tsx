import type { ThreadSaveError } from '@parley/client/chat';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '../styles.css';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import * as StorageNotice from './index.ts';

const quota: ThreadSaveError = {
  kind: 'quota',
  message: 'Storage is full: The quota has been exceeded.',
  at: 1,
};
const deleted: ThreadSaveError = { kind: 'deleted', message: 'This conversation was deleted.', at: 2 };

function actions() {
  return { onRetry: vi.fn(), onRestore: vi.fn(), onExport: vi.fn(), onDismiss: vi.fn() };
}

describe('StorageNotice', () => {
  it('shows nothing while everything is saved', () => {
    const { container } = render(<StorageNotice.Root unsaved={undefined} {...actions()} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('announces a full storage as an alert saying what is not saved, with Retry saving and Export to file', async () => {
    const user = userEvent.setup();
    const callbacks = actions();
    const { container } = render(<StorageNotice.Root unsaved={quota} {...callbacks} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Not saved: storage is full');
    expect(alert).toHaveTextContent(/latest changes to this conversation are kept in this tab only/);
    expect(alert).toHaveTextContent('The quota has been exceeded.');
    expect(screen.queryByRole('button', { name: 'Save it again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Retry saving' }));
    await user.click(screen.getByRole('button', { name: 'Export to file' }));
    expect(callbacks.onRetry).toHaveBeenCalledOnce();
    expect(callbacks.onExport).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('offers Save it again (not Retry) for a conversation deleted elsewhere, by keyboard', async () => {
    const user = userEvent.setup();
    const callbacks = actions();
    const { container } = render(<StorageNotice.Root unsaved={deleted} {...callbacks} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This conversation was deleted');
    expect(screen.queryByRole('button', { name: 'Retry saving' })).toBeNull();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save it again' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(callbacks.onRestore).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('says "Saved" politely once a later save succeeds, and Dismiss hides it', async () => {
    const user = userEvent.setup();
    const callbacks = actions();
    const { rerender } = render(<StorageNotice.Root unsaved={quota} {...callbacks} />);
    rerender(<StorageNotice.Root unsaved={undefined} {...callbacks} />);
    expect(screen.queryByRole('alert')).toBeNull();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Saved');
    expect(screen.queryByRole('button', { name: 'Export to file' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(callbacks.onDismiss).toHaveBeenCalledOnce();
  });

  it('stays dismissed while the same trouble lasts, and comes back when it changes', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<StorageNotice.Root unsaved={quota} />);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<StorageNotice.Root unsaved={{ ...quota, at: 5 }} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<StorageNotice.Root unsaved={deleted} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This conversation was deleted');
  });

  it('takes its parts as children, with the same wording and state attributes', () => {
    render(
      <StorageNotice.Root unsaved={{ kind: 'storage', message: 'The database is closed.', at: 3 }}>
        <StorageNotice.Title />
        <StorageNotice.Detail />
      </StorageNotice.Root>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-state', 'unsaved');
    expect(alert).toHaveAttribute('data-kind', 'storage');
    expect(alert).toHaveTextContent(/^Not savedThe database is closed\.$/);
  });
});
