export type { MessageListAnnouncerProps, MessageListRootProps } from './message-list.tsx';
export {
  MessageListAnnouncer as Announcer,
  MessageListJumpToLatest as JumpToLatest,
  MessageListRoot as Root,
} from './message-list.tsx';
export type { MessageListApi } from './message-list-context.ts';
export type { MessageListViewportProps } from './message-list-viewport.tsx';
export { MessageListViewport as Viewport } from './message-list-viewport.tsx';
