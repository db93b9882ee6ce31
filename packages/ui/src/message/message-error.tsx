/** @jsxImportSource ../jsx */
'use client';
import { ErrorNoticeRoot, type ErrorNoticeRootProps } from '../error-notice/error-notice.tsx';
import { messageFailure, useMessageContext } from './message-context.ts';

export interface MessageErrorProps
  extends Omit<ErrorNoticeRootProps, 'error' | 'pendingRetry' | 'onRetry' | 'onChangeKey' | 'dismissible'> {
  /** Defaults to the root's `onRetry`. */
  onRetry?: () => void;
  /** Defaults to the root's `onChangeKey`. */
  onChangeKey?: () => void;
}

/**
 * Why the reply failed, where the reply is: what happened, what it means, the server's words, and
 * the one action that fits (Retry, Change API key, or a countdown to wait out). Nothing unless the
 * message failed, or when `Message.FinishNotice` tells it (an `error` finish). Children replace the layout with `ErrorNotice`'s parts; there is no Dismiss, since
 * the failed reply stays.
 */
export function MessageError({ onRetry, onChangeKey, ...props }: MessageErrorProps) {
  const context = useMessageContext('Error');
  const error = messageFailure(context.message);
  // A reply ended by an `error` finish says so where it ends (`Message.FinishNotice`), once.
  if (!error || context.message.finishReason === 'error') return null;
  return (
    <ErrorNoticeRoot
      error={error}
      onRetry={onRetry ?? context.onRetry}
      onChangeKey={onChangeKey ?? context.onChangeKey}
      dismissible={false}
      {...props}
    />
  );
}
