export type {
  FinishNoticeActionProps,
  FinishNoticeMessageProps,
  FinishNoticeRootProps,
} from './finish-notice.tsx';
export {
  FinishNoticeAction as Action,
  FinishNoticeMessage as Message,
  FinishNoticeRoot as Root,
} from './finish-notice.tsx';
