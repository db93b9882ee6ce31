/** @jsxImportSource ../jsx */
'use client';
/**
 * A ThreadList row's actions button. Its menu (radix's DropdownMenu with its focus and positioning
 * code) is a chunk loaded when a person first reaches for a menu: a pointer over or focus on the
 * button fetches it, a press or Enter, Space or ↓ opens it once there. From then on every row's
 * button is the menu's own trigger (keeping focus if it had it).
 */
import * as React from 'react';
import { lazyComponent, useLoaded } from '../lazy-component.tsx';
import type { ThreadListMenuProps } from './thread-list-menu.tsx';

const menu = lazyComponent(() => import('./thread-list-menu.tsx').then((module) => module.ThreadListMenu));
const OPEN_KEYS = ['Enter', ' ', 'ArrowDown'];

export interface ThreadListActionsProps
  extends Pick<ThreadListMenuProps, 'thread' | 'rowRef' | 'startRename' | 'remove'> {
  title: string;
  /** The row's own button, which ← goes back to. */
  rowButtonRef: React.RefObject<HTMLButtonElement | null>;
  triggerRef: React.RefObject<HTMLButtonElement | null>;
}

export function ThreadListActions({
  thread,
  title,
  rowRef,
  rowButtonRef,
  triggerRef,
  startRename,
  remove,
}: ThreadListActionsProps) {
  const Menu = useLoaded(menu);
  const [openedBy, setOpenedBy] = React.useState<'pointer' | 'keyboard'>();
  const onOpened = React.useCallback(() => setOpenedBy(undefined), []);
  // The menu's arrival puts radix's trigger in place of this button: focus on it moves along.
  const focused = React.useRef(false);
  React.useLayoutEffect(() => {
    if (!Menu || !focused.current) return;
    focused.current = false;
    triggerRef.current?.focus();
  }, [Menu, triggerRef]);
  /** The button; `closed` stands in for what radix's trigger stamps on it before the menu is there. */
  const actionsButton = (props: React.ComponentProps<'button'>, closed = false) => (
    <button
      ref={triggerRef}
      type="button"
      tabIndex={-1}
      data-slot="thread-list-item-actions"
      aria-label={`Actions for “${title}”`}
      aria-haspopup={closed ? 'menu' : undefined}
      aria-expanded={closed ? false : undefined}
      data-state={closed ? 'closed' : undefined}
      {...props}
    >
      <span aria-hidden="true">⋯</span>
    </button>
  );
  const back = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowLeft') rowButtonRef.current?.focus();
  };
  if (Menu) {
    return (
      <Menu
        thread={thread}
        trigger={actionsButton({ onKeyDown: back })}
        openedBy={openedBy}
        onOpened={onOpened}
        rowRef={rowRef}
        startRename={startRename}
        remove={remove}
      />
    );
  }
  const preload = () => void menu.preload();
  const open = (by: 'pointer' | 'keyboard') => {
    setOpenedBy(by);
    // Offline: nothing opens, and the next press tries again.
    menu.preload().catch(() => setOpenedBy(undefined));
  };
  // What radix's trigger says and does, until it is there.
  return actionsButton(
    {
      onPointerEnter: preload,
      onFocus: () => {
        focused.current = true;
        preload();
      },
      onBlur: () => {
        focused.current = false;
      },
      onPointerDown: (event) => {
        if (event.button !== 0 || event.ctrlKey) return;
        // As radix does: the menu, not the button, takes focus.
        event.preventDefault();
        open('pointer');
      },
      onKeyDown: (event) => {
        back(event);
        if (OPEN_KEYS.includes(event.key)) {
          event.preventDefault();
          open('keyboard');
        }
      },
    },
    true,
  );
}
