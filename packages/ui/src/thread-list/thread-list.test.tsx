import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { Sidebar } from '../__fixtures__/thread-sidebar.tsx';
import { sidebarThreads } from '../__fixtures__/threads.ts';

function TestSidebar({ onSelect }: { onSelect?: (id: string) => void }) {
  return (
    <Sidebar
      threads={sidebarThreads}
      activeId="trip"
      unsaved={{ recipe: { kind: 'quota' } }}
      {...(onSelect ? { onSelect } : {})}
    />
  );
}

const rows = () => within(screen.getByRole('list', { name: /conversations/i })).getAllByRole('listitem');
const titles = () =>
  rows().map((row) => row.querySelector('[data-slot="thread-list-item-title"]')?.textContent);

describe('ThreadList', () => {
  it('lists threads as buttons in a named navigation, marking the open one, pinned and unsaved ones', async () => {
    const { container } = render(<TestSidebar />);
    const nav = screen.getByRole('navigation', { name: 'Conversations' });
    expect(within(nav).getByRole('button', { name: /^Plan a day in Porto/ })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('button', { name: 'Quarterly report outline Pinned' })).toBeVisible();
    expect(
      within(nav).getByRole('button', { name: 'Leek and potato soup Not saved' }),
    ).toHaveAccessibleDescription('Sweat the leeks slowly, without colour.');
    expect(within(nav).getByRole('button', { name: 'New conversation' })).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('is keyboard-complete: arrows move, Enter opens, F2 renames inline, Delete deletes and Undo brings it back', async () => {
    const onSelect = vi.fn();
    render(<TestSidebar onSelect={onSelect} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('searchbox', { name: 'Search conversations' }));
    await user.tab();
    expect(screen.getByRole('button', { name: /^Plan a day in Porto/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^Leek and potato soup/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('recipe');
    await user.keyboard('{F2}');
    const input = screen.getByRole('textbox', { name: 'Rename “Leek and potato soup”' });
    expect(input).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}Soup for a cold day{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: /^Soup for a cold day/ })).toHaveFocus());
    await user.keyboard('{Delete}');
    expect(titles()).not.toContain('Soup for a cold day');
    expect(await screen.findByText('Deleted “Soup for a cold day”.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'New conversation' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(titles()).toContain('Soup for a cold day');
  });

  it('says which thread a person reaches for (pointer over it, a press, the focus) before anything opens', async () => {
    const onOpenIntent = vi.fn();
    const onSelect = vi.fn();
    render(
      <Sidebar threads={sidebarThreads} activeId="trip" onOpenIntent={onOpenIntent} onSelect={onSelect} />,
    );
    const user = userEvent.setup();
    const soup = screen.getByRole('button', { name: /^Leek and potato soup/ });
    await user.hover(soup);
    expect(onOpenIntent).toHaveBeenLastCalledWith('recipe');
    onOpenIntent.mockClear();
    // A press starting (a touch screen has no hover): the app hears of it before the click.
    await user.pointer({ keys: '[MouseLeft>]', target: soup });
    expect(onOpenIntent).toHaveBeenLastCalledWith('recipe');
    expect(onSelect).not.toHaveBeenCalled();
    await user.pointer({ keys: '[/MouseLeft]', target: soup });
    expect(onSelect).toHaveBeenCalledWith('recipe');
    // By keyboard: each thread the focus reaches.
    onOpenIntent.mockClear();
    await user.click(screen.getByRole('searchbox', { name: 'Search conversations' }));
    await user.tab();
    expect(onOpenIntent).toHaveBeenLastCalledWith('trip');
    await user.keyboard('{ArrowDown}');
    expect(onOpenIntent).toHaveBeenLastCalledWith('recipe');
  });

  it('cancels a rename with Escape, keeping the title', async () => {
    render(<TestSidebar />);
    const user = userEvent.setup();
    screen.getByRole('button', { name: /^Plan a day in Porto/ }).focus();
    await user.keyboard('{F2}x{Escape}');
    expect(await screen.findByRole('button', { name: /^Plan a day in Porto/ })).toBeVisible();
  });

  it('pins and deletes through the actions menu, reached with → from the row', async () => {
    render(<TestSidebar />);
    const user = userEvent.setup();
    screen.getByRole('button', { name: /^Why does this regex backtrack/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect(
      screen.getByRole('button', { name: 'Actions for “Why does this regex backtrack?”' }),
    ).toHaveFocus();
    // The menu's code loads on this first use; focus still lands on its first item.
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Rename' })).toHaveFocus());
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(
      screen.getByRole('button', { name: 'Actions for “Why does this regex backtrack?”' }),
    ).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Pin' }));
    expect(screen.getByRole('button', { name: 'Why does this regex backtrack? Pinned' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Actions for “Plan a day in Porto”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    expect(titles()).not.toContain('Plan a day in Porto');
  });

  it('searches as the person types, says when nothing matches, and Escape clears the search', async () => {
    render(<TestSidebar />);
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: 'Search conversations' });
    await user.type(search, 'soup');
    expect(titles()).toEqual(['Leek and potato soup']);
    await user.type(search, 'x');
    expect(screen.getByText('No conversation matches “soupx”.')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    expect(rows()).toHaveLength(sidebarThreads.length);
  });
});
