export type {
  StorageNoticeButtonProps,
  StorageNoticeRootProps,
  StorageNoticeText,
} from './storage-notice.tsx';
export {
  StorageNoticeActions as Actions,
  StorageNoticeDescription as Description,
  StorageNoticeDetail as Detail,
  StorageNoticeDismiss as Dismiss,
  StorageNoticeExport as Export,
  StorageNoticeRestore as Restore,
  StorageNoticeRetry as Retry,
  StorageNoticeRoot as Root,
  StorageNoticeTitle as Title,
} from './storage-notice.tsx';
