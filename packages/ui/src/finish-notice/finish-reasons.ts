import type { FinishReason } from '@parley/client';

/** The endings a reader must be told about; `stop` and `tool_calls` are ordinary and show nothing. */
export type NotableFinish = 'length' | 'content_filter' | 'error';

/** What an ending says where the reply ends, and the action that fits it. */
export interface FinishNoticeText {
  text: string;
  action: string;
}

/** What each notable ending says, and its action. */
export const NOTABLE_FINISHES: Record<NotableFinish, FinishNoticeText> = {
  length: { text: 'Cut short: the reply reached its length limit.', action: 'Continue' },
  content_filter: { text: "Stopped by the provider's content filter.", action: 'Rephrase' },
  error: { text: 'The reply ended with an error before it was complete.', action: 'Retry' },
};

/**
 * Every finish reason of the spec (`ChatCompletionFinishReason`), so a reason the spec adds fails
 * the type check here until someone decides what it says. `null`: an ordinary ending, no notice.
 */
export const FINISH_NOTICES: Record<FinishReason, FinishNoticeText | null> = {
  stop: null,
  tool_calls: null,
  ...NOTABLE_FINISHES,
};

/** Whether a finish reason deserves a notice. Reasons outside the spec (a provider's own) do not. */
export function isNotableFinish(reason: string | null | undefined): reason is NotableFinish {
  return (
    typeof reason === 'string' &&
    Object.hasOwn(FINISH_NOTICES, reason) &&
    FINISH_NOTICES[reason as FinishReason] !== null
  );
}
