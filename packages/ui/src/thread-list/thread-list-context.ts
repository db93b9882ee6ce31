/** The state ThreadList's parts share: the threads, the search, which row is being renamed, the last deletion. */
import type { ThreadSummary } from '@parley/client/chat';
import * as React from 'react';

/** What `onDelete` may return: a function that undoes the deletion (shown as "Undo"). */
export type ThreadListUndo = () => void | Promise<void>;

export interface ThreadListContextValue {
  threads: readonly ThreadSummary[];
  activeId: string | undefined;
  unsaved: Readonly<Record<string, unknown>>;
  query: string;
  setQuery: (query: string) => void;
  renamingId: string | undefined;
  setRenamingId: (id: string | undefined) => void;
  onSelect: ((id: string) => void) | undefined;
  onOpenIntent: ((id: string) => void) | undefined;
  onRename: ((id: string, title: string) => void) | undefined;
  onPin: ((id: string, pinned: boolean) => void) | undefined;
  remove: ((thread: ThreadSummary) => void) | undefined;
  deleted: { title: string; undo: ThreadListUndo | undefined } | undefined;
  undo: () => void;
}
export const ThreadListContext = React.createContext<ThreadListContextValue | undefined>(undefined);

export function useThreadList(part: string): ThreadListContextValue {
  const context = React.useContext(ThreadListContext);
  if (!context) throw new Error(`ThreadList.${part} must be inside <ThreadList.Root>.`);
  return context;
}

/** The name a thread without a title is shown with. */
export const UNTITLED = 'New conversation';
