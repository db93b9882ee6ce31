/** @jsxImportSource ../jsx */
'use client';
/**
 * One row of a ThreadList: a button that opens the thread (a stop of the list's roving focus), its
 * title (an input while renamed), badges for pinned and unsaved, the last message as a description,
 * and an actions menu (Rename, Pin or Unpin, Delete) on radix's DropdownMenu, loaded on first use
 * (thread-list-actions.tsx).
 */
import type { ThreadSummary } from '@parley/client/chat';
import { RovingFocus } from 'radix-ui/internal';
import * as React from 'react';
import { ThreadListActions } from './thread-list-actions.tsx';
import { UNTITLED, useThreadList } from './thread-list-context.ts';

export interface ThreadListItemProps extends React.ComponentProps<'li'> {
  thread: ThreadSummary;
}

/** Moves focus to the row after `row` (or before it, or the search box) before `row` goes away. */
function focusNeighbour(row: HTMLElement | null): void {
  const sibling = row?.nextElementSibling ?? row?.previousElementSibling;
  const target =
    sibling?.querySelector<HTMLElement>('[data-slot="thread-list-item-button"]') ??
    row?.closest('[data-slot="thread-list"]')?.querySelector<HTMLElement>('[data-slot="thread-list-search"]');
  target?.focus();
}

/** A thread's row. */
export function ThreadListItem({ thread, ...props }: ThreadListItemProps) {
  const list = useThreadList('Item');
  const rowRef = React.useRef<HTMLLIElement>(null);
  const buttonRef = React.useRef<HTMLButtonElement>(null);
  const triggerRef = React.useRef<HTMLButtonElement>(null);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const title = thread.title || UNTITLED;
  const active = list.activeId === thread.id;
  const renaming = list.renamingId === thread.id;
  const unsaved = thread.id in list.unsaved;
  const descriptionId = React.useId();

  React.useEffect(() => {
    if (!renaming) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [renaming]);

  const startRename = list.onRename ? () => list.setRenamingId(thread.id) : undefined;
  const remove = list.remove
    ? () => {
        focusNeighbour(rowRef.current);
        list.remove?.(thread);
      }
    : undefined;
  // On the way to opening it (the pointer on its row, a press starting, the focus): what it needs can load.
  const intent = () => list.onOpenIntent?.(thread.id);
  const finishRename = (commit: boolean) => {
    const value = inputRef.current?.value.trim() ?? '';
    list.setRenamingId(undefined);
    if (commit && value && value !== thread.title) list.onRename?.(thread.id, value);
    // Back to the row, after React has put the button in place of the input.
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  return (
    <li
      ref={rowRef}
      data-slot="thread-list-item"
      data-state={active ? 'active' : 'inactive'}
      data-pinned={thread.pinned ? '' : undefined}
      data-unsaved={unsaved ? '' : undefined}
      {...props}
    >
      {renaming ? (
        <input
          ref={inputRef}
          data-slot="thread-list-item-rename"
          aria-label={`Rename “${title}”`}
          defaultValue={thread.title}
          onKeyDown={(event) => {
            if (event.key === 'Enter') finishRename(true);
            else if (event.key === 'Escape') {
              event.preventDefault();
              finishRename(false);
            }
          }}
          onBlur={() => finishRename(true)}
        />
      ) : (
        <RovingFocus.Item asChild focusable active={active}>
          <button
            ref={buttonRef}
            type="button"
            data-slot="thread-list-item-button"
            aria-current={active ? 'page' : undefined}
            aria-describedby={thread.preview ? descriptionId : undefined}
            aria-keyshortcuts="F2 Delete ArrowRight"
            onPointerEnter={intent}
            onPointerDown={intent}
            onFocus={intent}
            onClick={() => list.onSelect?.(thread.id)}
            onKeyDown={(event) => {
              if (event.key === 'F2' && startRename) {
                event.preventDefault();
                startRename();
              } else if (event.key === 'Delete' && remove) {
                event.preventDefault();
                remove();
              } else if (event.key === 'ArrowRight') {
                event.preventDefault();
                triggerRef.current?.focus();
              }
            }}
          >
            <span data-slot="thread-list-item-title">{title}</span>
            {/* The spaces keep the accessible name readable: "Title Pinned Not saved". */}
            {thread.pinned ? (
              <>
                {' '}
                <span data-slot="thread-list-item-badge">Pinned</span>
              </>
            ) : null}
            {unsaved ? (
              <>
                {' '}
                <span data-slot="thread-list-item-badge" data-variant="danger">
                  Not saved
                </span>
              </>
            ) : null}
          </button>
        </RovingFocus.Item>
      )}
      {thread.preview ? (
        <span data-slot="thread-list-item-preview" id={descriptionId}>
          {thread.preview}
        </span>
      ) : null}
      <ThreadListActions
        thread={thread}
        title={title}
        rowRef={rowRef}
        rowButtonRef={buttonRef}
        triggerRef={triggerRef}
        startRename={startRename}
        remove={remove}
      />
    </li>
  );
}
