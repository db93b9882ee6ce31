import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../__fixtures__/thread-sidebar.tsx';
import { sidebarThreads } from '../__fixtures__/threads.ts';

// A file of its own: the row menus' code loads once per page, and this is its first use here.
describe('ThreadList row actions', () => {
  it('keeps focus on the actions button when the menu’s code arrives, then opens on its first item', async () => {
    render(<Sidebar threads={sidebarThreads} activeId="trip" />);
    const user = userEvent.setup();
    screen.getByRole('button', { name: /^Plan a day in Porto/ }).focus();
    await user.keyboard('{ArrowRight}');
    const actions = () => screen.getByRole('button', { name: 'Actions for “Plan a day in Porto”' });
    expect(actions()).toHaveFocus();
    // Focusing the button fetches the menu; radix's trigger (which has an id) then takes its place.
    await waitFor(() => expect(actions()).toHaveAttribute('id'));
    expect(actions()).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Rename' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(actions()).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: /^Plan a day in Porto/ })).toHaveFocus();
  });
});
