export type {
  ThreadListItemsProps,
  ThreadListRootProps,
  ThreadListUndoProps,
} from './thread-list.tsx';
export {
  ThreadListEmpty as Empty,
  ThreadListItems as Items,
  ThreadListRoot as Root,
  ThreadListSearch as Search,
  ThreadListUndo as Undo,
} from './thread-list.tsx';
export type { ThreadListUndo as ThreadListUndoFunction } from './thread-list-context.ts';
export type { ThreadListItemProps } from './thread-list-item.tsx';
export { ThreadListItem as Item } from './thread-list-item.tsx';
