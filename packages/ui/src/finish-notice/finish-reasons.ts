/** The endings a reader must be told about; `stop` and `tool_calls` are ordinary and show nothing. */
export type NotableFinish = 'length' | 'content_filter' | 'error';

/** What each ending means and the action that fits it. */
export const FINISH_NOTICES: Record<NotableFinish, { text: string; action: string }> = {
  length: { text: 'Cut short: the reply reached its length limit.', action: 'Continue' },
  content_filter: { text: "Stopped by the provider's content filter.", action: 'Rephrase' },
  error: { text: 'The reply ended with an error before it was complete.', action: 'Retry' },
};

/** Whether a finish reason deserves a notice. */
export function isNotableFinish(reason: string | null | undefined): reason is NotableFinish {
  return reason === 'length' || reason === 'content_filter' || reason === 'error';
}
