/** @jsxImportSource ../jsx */
'use client';
/**
 * ThreadList: a sidebar of conversations. Presentational: it shows the `threads` it is given and
 * reports what the person does (`onSelect`, `onRename`, `onPin`, `onDelete`); `@parley/ui/connected`
 * wires it to `useThreads`. Keyboard: ↑/↓, Home and End move between threads, Enter opens, F2
 * renames, Delete deletes (with an Undo), → reaches the thread's actions menu and ← comes back.
 */
import type { ThreadSummary } from '@parley/client/chat';
import { Slot } from 'radix-ui';
import { composeEventHandlers, RovingFocus, useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import {
  ThreadListContext,
  type ThreadListContextValue,
  UNTITLED,
  type ThreadListUndo as UndoFunction,
  useThreadList,
} from './thread-list-context.ts';
import { ThreadListItem } from './thread-list-item.tsx';

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ThreadListRootProps extends Omit<React.ComponentProps<'nav'>, 'onSelect'> {
  /** The threads to show, in order (`useThreads().visible` is pinned first, then last updated). */
  threads: readonly ThreadSummary[];
  /** The open thread, marked `aria-current`. */
  activeId?: string | undefined;
  /** Threads whose latest change was not saved, by id (`useThreads().unsaved`). */
  unsaved?: Readonly<Record<string, unknown>> | undefined;
  query?: string | undefined;
  defaultQuery?: string | undefined;
  /** The search text changed; filter `threads` with it (`useThreads({ query })` does). */
  onQueryChange?: ((query: string) => void) | undefined;
  onSelect?: ((id: string) => void) | undefined;
  /**
   * A person is about to open a thread: the pointer came over its row, a press on it started, or the row
   * took the focus. For fetching what opening it needs while they get there (`@parley/ui/connected`'s
   * list starts loading the markdown renderer); called on each of these, so keep it cheap to repeat.
   */
  onOpenIntent?: ((id: string) => void) | undefined;
  onRename?: ((id: string, title: string) => void) | undefined;
  onPin?: ((id: string, pinned: boolean) => void) | undefined;
  /** Delete a thread; return a function that restores it (or a promise of one) to offer "Undo". */
  onDelete?: ((id: string) => unknown) | undefined;
}

/**
 * The list's container: a navigation landmark named "Conversations" (override with `aria-label`).
 *
 * @example
 * <ThreadList.Root threads={visible} activeId={openId} onSelect={open} onDelete={remove} query={query} onQueryChange={setQuery}>
 *   <ThreadList.Search />
 *   <ThreadList.Items />
 *   <ThreadList.Empty />
 *   <ThreadList.Undo />
 * </ThreadList.Root>
 */
export function ThreadListRoot({
  threads,
  activeId,
  unsaved = {},
  query: queryProp,
  defaultQuery = '',
  onQueryChange,
  onSelect,
  onOpenIntent,
  onRename,
  onPin,
  onDelete,
  children,
  ...props
}: ThreadListRootProps) {
  const [query, setQuery] = useControllableState({
    prop: queryProp,
    defaultProp: defaultQuery,
    onChange: onQueryChange,
    caller: 'ThreadList',
  });
  const [renamingId, setRenamingId] = React.useState<string>();
  const [deleted, setDeleted] = React.useState<ThreadListContextValue['deleted']>();
  const remove = React.useMemo(
    () =>
      onDelete &&
      ((thread: ThreadSummary) => {
        setDeleted({ title: thread.title || UNTITLED, undo: undefined });
        void Promise.resolve(onDelete(thread.id)).then((undo) => {
          if (typeof undo === 'function')
            setDeleted({ title: thread.title || UNTITLED, undo: undo as UndoFunction });
        });
      }),
    [onDelete],
  );
  const undo = React.useCallback(() => {
    void deleted?.undo?.();
    setDeleted(undefined);
  }, [deleted]);
  const context: ThreadListContextValue = {
    threads,
    activeId,
    unsaved,
    query,
    setQuery,
    renamingId,
    setRenamingId,
    onSelect,
    onOpenIntent,
    onRename,
    onPin,
    remove,
    deleted,
    undo,
  };
  return (
    <ThreadListContext.Provider value={context}>
      <nav data-slot="thread-list" aria-label="Conversations" {...props}>
        {children}
      </nav>
    </ThreadListContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Search
 * -----------------------------------------------------------------------------------------------*/

/** A search box for titles and text, labelled "Search conversations". Escape clears it. */
export function ThreadListSearch({ onChange, onKeyDown, ...props }: React.ComponentProps<'input'>) {
  const { query, setQuery } = useThreadList('Search');
  return (
    <input
      type="search"
      data-slot="thread-list-search"
      aria-label="Search conversations"
      placeholder="Search"
      autoComplete="off"
      value={query}
      onChange={composeEventHandlers(onChange, (event) => setQuery(event.target.value))}
      onKeyDown={composeEventHandlers(onKeyDown, (event) => {
        if (event.key === 'Escape' && query) {
          event.preventDefault();
          setQuery('');
        }
      })}
      {...props}
    />
  );
}

/* -------------------------------------------------------------------------------------------------
 * Items
 * -----------------------------------------------------------------------------------------------*/

export interface ThreadListItemsProps extends React.ComponentProps<'ul'> {
  /** How to show each thread; default {@link ThreadListItem}. */
  renderItem?: ((thread: ThreadSummary) => React.ReactNode) | undefined;
}

/** The threads, one row each; arrow keys move between them (one tab stop for the whole list). */
export function ThreadListItems({ renderItem, ...props }: ThreadListItemsProps) {
  const { threads, query } = useThreadList('Items');
  if (threads.length === 0) return null;
  return (
    <RovingFocus.Root asChild orientation="vertical" loop={false}>
      <ul
        data-slot="thread-list-items"
        aria-label={query ? 'Matching conversations' : 'Conversations'}
        {...props}
      >
        {threads.map((thread) => (
          <React.Fragment key={thread.id}>
            {renderItem ? renderItem(thread) : <ThreadListItem thread={thread} />}
          </React.Fragment>
        ))}
      </ul>
    </RovingFocus.Root>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Empty
 * -----------------------------------------------------------------------------------------------*/

/** Shown when there is nothing to list: no threads yet, or none matching the search. */
export function ThreadListEmpty({ children, ...props }: React.ComponentProps<'p'>) {
  const { threads, query } = useThreadList('Empty');
  if (threads.length > 0) return null;
  return (
    <p data-slot="thread-list-empty" role="status" {...props}>
      {children ?? (query ? `No conversation matches “${query}”.` : 'No conversations yet.')}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Undo
 * -----------------------------------------------------------------------------------------------*/

export interface ThreadListUndoProps extends React.ComponentProps<'div'> {
  /** How long the Undo stays offered, in ms (default 8 s, long enough to reach it by keyboard). */
  durationMs?: number | undefined;
}

/** After a deletion: "Deleted “title”." announced, with an Undo button while the deletion can be undone. */
export function ThreadListUndo({ durationMs = 8000, children, ...props }: ThreadListUndoProps) {
  const { deleted, undo } = useThreadList('Undo');
  const [shown, setShown] = React.useState(deleted);
  React.useEffect(() => {
    setShown(deleted);
    if (!deleted) return;
    const timer = setTimeout(() => setShown(undefined), durationMs);
    return () => clearTimeout(timer);
  }, [deleted, durationMs]);
  return (
    <div data-slot="thread-list-undo" role="status" data-state={shown ? 'open' : 'closed'} {...props}>
      {shown ? (
        <>
          <span>Deleted “{shown.title}”.</span>
          {shown.undo ? (
            <ThreadListUndoButton onClick={undo}>{children ?? 'Undo'}</ThreadListUndoButton>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function ThreadListUndoButton({ asChild, ...props }: React.ComponentProps<'button'> & { asChild?: boolean }) {
  const Component = asChild ? Slot.Root : 'button';
  return <Component type="button" data-slot="thread-list-undo-button" {...props} />;
}
