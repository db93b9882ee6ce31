/** @jsxImportSource ../jsx */
'use client';
/**
 * A ThreadList row's actions menu (Rename, Pin or Unpin, Delete) on radix's DropdownMenu: a chunk of
 * its own, loaded when a person first reaches for a row's menu (thread-list-actions.tsx), so that a
 * list of saved conversations paints without radix's menu, focus and positioning code.
 */
import type { ThreadSummary } from '@parley/client/chat';
import { DropdownMenu } from 'radix-ui';
import * as React from 'react';
import { useThreadList } from './thread-list-context.ts';

export interface ThreadListMenuProps {
  thread: ThreadSummary;
  /** The row's actions button, which becomes the menu's trigger. */
  trigger: React.ReactElement;
  /** Open at once, as asked before this chunk arrived: from the keyboard, focus goes to the first item. */
  openedBy: 'pointer' | 'keyboard' | undefined;
  /** Called once the menu that was asked for before this chunk arrived is open. */
  onOpened: () => void;
  rowRef: React.RefObject<HTMLLIElement | null>;
  startRename: (() => void) | undefined;
  remove: (() => void) | undefined;
}

export function ThreadListMenu({
  thread,
  trigger,
  openedBy,
  onOpened,
  rowRef,
  startRename,
  remove,
}: ThreadListMenuProps) {
  const list = useThreadList('Item');
  // Radix moves focus to the first item when the menu opens from the keyboard, which it learns from a
  // keydown it listens for once mounted: the keydown that asked for this menu came before it.
  const firstOpenFromKeyboard = React.useRef(openedBy === 'keyboard');
  React.useEffect(() => {
    if (openedBy) onOpened();
  }, [openedBy, onOpened]);
  return (
    <DropdownMenu.Root modal={false} defaultOpen={openedBy !== undefined}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          data-slot="thread-list-menu"
          align="end"
          onFocus={(event) => {
            // Radix focuses the menu itself as it opens; from the keyboard, the first item instead.
            if (!firstOpenFromKeyboard.current || event.target !== event.currentTarget) return;
            firstOpenFromKeyboard.current = false;
            event.currentTarget.querySelector<HTMLElement>('[data-slot="thread-list-menu-item"]')?.focus();
          }}
          // Rename and Delete move focus themselves (into the input, to a neighbour).
          onCloseAutoFocus={(event) => {
            if (list.renamingId === thread.id || !rowRef.current?.isConnected) event.preventDefault();
          }}
        >
          {startRename ? (
            <DropdownMenu.Item data-slot="thread-list-menu-item" onSelect={startRename}>
              Rename
            </DropdownMenu.Item>
          ) : null}
          {list.onPin ? (
            <DropdownMenu.Item
              data-slot="thread-list-menu-item"
              onSelect={() => list.onPin?.(thread.id, !thread.pinned)}
            >
              {thread.pinned ? 'Unpin' : 'Pin'}
            </DropdownMenu.Item>
          ) : null}
          {remove ? (
            <DropdownMenu.Item data-slot="thread-list-menu-item" data-variant="danger" onSelect={remove}>
              Delete
            </DropdownMenu.Item>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
