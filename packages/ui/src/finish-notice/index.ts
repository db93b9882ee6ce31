export type {
  FinishNoticeActionProps,
  FinishNoticeDetailProps,
  FinishNoticeMessageProps,
  FinishNoticeRootProps,
} from './finish-notice.tsx';
export {
  FinishNoticeAction as Action,
  FinishNoticeDetail as Detail,
  FinishNoticeMessage as Message,
  FinishNoticeRoot as Root,
} from './finish-notice.tsx';
