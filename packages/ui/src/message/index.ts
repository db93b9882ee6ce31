export type {
  MessageContentProps,
  MessageDetailsProps,
  MessageRootProps,
  MessageStatusProps,
  MessageToolCallsProps,
} from './message.tsx';
export {
  MessageAuthor as Author,
  MessageAvatar as Avatar,
  MessageContent as Content,
  MessageDetails as Details,
  MessageMeta as Meta,
  MessageReasoning as Reasoning,
  MessageRetry as Retry,
  MessageRoot as Root,
  MessageStatus as Status,
  MessageToolCalls as ToolCalls,
} from './message.tsx';
export type { MessageBranchPickerProps, MessageEditorProps } from './message-actions.tsx';
export {
  MessageActions as Actions,
  MessageBranchPicker as BranchPicker,
  MessageCopyAction as CopyAction,
  MessageDeleteAction as DeleteAction,
  MessageEditAction as EditAction,
  MessageEditor as Editor,
  MessageRegenerateAction as RegenerateAction,
} from './message-actions.tsx';
export type { MessageCallbacks } from './message-context.ts';
export type { MessageErrorProps } from './message-error.tsx';
export { MessageError as Error } from './message-error.tsx';
export {
  MessageFinishNotice as FinishNotice,
  MessageRefusal as Refusal,
  MessageSources as Sources,
  MessageStructured as Structured,
} from './message-outcome.tsx';
