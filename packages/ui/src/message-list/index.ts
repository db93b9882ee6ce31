export type {
  MessageListAnnouncerProps,
  MessageListApi,
  MessageListRootProps,
  MessageListViewportProps,
} from './message-list.tsx';
export {
  MessageListAnnouncer as Announcer,
  MessageListJumpToLatest as JumpToLatest,
  MessageListRoot as Root,
  MessageListViewport as Viewport,
} from './message-list.tsx';
