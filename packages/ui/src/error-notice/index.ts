export type { ErrorNoticeButtonProps, ErrorNoticeRetry, ErrorNoticeRootProps } from './error-notice.tsx';
export {
  ErrorNoticeActions as Actions,
  ErrorNoticeChangeKey as ChangeKey,
  ErrorNoticeCountdown as Countdown,
  ErrorNoticeDescription as Description,
  ErrorNoticeDetail as Detail,
  ErrorNoticeDismiss as Dismiss,
  ErrorNoticeFields as Fields,
  ErrorNoticeRetryButton as Retry,
  ErrorNoticeRoot as Root,
  ErrorNoticeTitle as Title,
} from './error-notice.tsx';
