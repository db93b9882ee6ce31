/** @jsxImportSource ../jsx */
'use client';
/** `ThreadList.Root` of `@parley/ui/connected`: the ThreadList wired to `useThreads` (search, rename, pin, delete with undo). */
import type { ThreadStore } from '@parley/client/chat';
import { useThreads } from '@parley/react';
import * as React from 'react';
import * as ThreadList from '../thread-list/index.ts';
import { preloadConversation } from './preload-conversation.ts';

export interface ChatThreadListProps
  extends Omit<ThreadList.ThreadListRootProps, 'threads' | 'unsaved' | 'onRename' | 'onPin' | 'onDelete'> {
  /** A thread store; default the nearest `ThreadsProvider`'s. */
  store?: ThreadStore | undefined;
}

/**
 * The conversations of a thread store as a sidebar: search, the list (pinned first, then last
 * updated), an empty state and Undo after a deletion. Children replace the default layout.
 *
 * @example
 * <ThreadsProvider>
 *   <ThreadList.Root activeId={openId} onSelect={setOpenId} />
 * </ThreadsProvider>
 */
export function ChatThreadList({
  store,
  query: queryProp,
  defaultQuery = '',
  onQueryChange,
  onOpenIntent,
  children,
  ...props
}: ChatThreadListProps) {
  const [ownQuery, setOwnQuery] = React.useState(defaultQuery);
  const query = queryProp ?? ownQuery;
  const threads = useThreads({ query }, store);
  const { rename, pin, remove, restore } = threads;
  const onDelete = React.useCallback(
    async (id: string) => {
      const removed = await remove(id);
      return removed ? () => restore(removed) : undefined;
    },
    [remove, restore],
  );
  // A conversation opened for the first time in the page draws its text once the markdown renderer is
  // there (conversation-preview.tsx): it starts loading as the person reaches for a thread, not on the click.
  const reachFor = React.useCallback(
    (id: string) => {
      void preloadConversation();
      onOpenIntent?.(id);
    },
    [onOpenIntent],
  );
  return (
    <ThreadList.Root
      threads={threads.visible}
      onOpenIntent={reachFor}
      unsaved={threads.unsaved}
      query={query}
      onQueryChange={(next) => {
        setOwnQuery(next);
        onQueryChange?.(next);
      }}
      onRename={(id, title) => void rename(id, title)}
      onPin={(id, pinned) => void pin(id, pinned)}
      onDelete={onDelete}
      aria-busy={threads.status === 'loading' || undefined}
      {...props}
    >
      {children ?? (
        <>
          <ThreadList.Search />
          <ThreadList.Items />
          <ThreadList.Empty />
          <ThreadList.Undo />
        </>
      )}
    </ThreadList.Root>
  );
}
