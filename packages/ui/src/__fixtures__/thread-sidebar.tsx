/**
 * A ThreadList over its own copy of an array of summaries, as an app keeps one: search filters
 * titles and previews, rename and pin change the copy, delete removes it and offers Undo.
 */
import type { ThreadSummary } from '@parley/client/chat';
import * as React from 'react';
import * as ThreadList from '../thread-list/index.ts';

export interface SidebarProps {
  threads: ThreadSummary[];
  activeId?: string;
  unsaved?: Record<string, unknown>;
  defaultQuery?: string;
  onSelect?: (id: string) => void;
  onOpenIntent?: (id: string) => void;
  onRename?: (id: string, title: string) => void;
  onPin?: (id: string, pinned: boolean) => void;
  onDelete?: (id: string) => void;
}

/** The list over its own copy of `threads`, so renames, pins, deletions and undo show. */
export function Sidebar({ threads: initial, defaultQuery = '', onRename, onPin, onDelete, ...props }: SidebarProps) {
  const [threads, setThreads] = React.useState(initial);
  const [query, setQuery] = React.useState(defaultQuery);
  const change = (id: string, patch: Partial<ThreadSummary>) =>
    setThreads((all) => all.map((thread) => (thread.id === id ? { ...thread, ...patch } : thread)));
  const visible = threads.filter((thread) =>
    `${thread.title} ${thread.preview}`.toLowerCase().includes(query.toLowerCase()),
  );
  return (
    <div style={{ maxWidth: 320 }}>
      <ThreadList.Root
        {...props}
        threads={visible}
        query={query}
        onQueryChange={setQuery}
        onRename={(id, title) => {
          onRename?.(id, title);
          change(id, { title });
        }}
        onPin={(id, pinned) => {
          onPin?.(id, pinned);
          change(id, { pinned });
        }}
        onDelete={(id) => {
          onDelete?.(id);
          const before = threads;
          setThreads((all) => all.filter((thread) => thread.id !== id));
          return () => setThreads(before);
        }}
      >
        <ThreadList.Search />
        <ThreadList.Items />
        <ThreadList.Empty />
        <ThreadList.Undo />
      </ThreadList.Root>
    </div>
  );
}

