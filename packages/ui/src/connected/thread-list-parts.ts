// The presentational parts read the connected Root's context, so they compose inside it as they are.
export { Empty, Item, Items, Search, Undo } from '../thread-list/index.ts';
export type { ChatThreadListProps as ThreadListRootProps } from './chat-thread-list.tsx';
export { ChatThreadList as Root } from './chat-thread-list.tsx';
