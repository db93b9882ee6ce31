/** @jsxImportSource ../jsx */
'use client';
import type { ChatErrorInfo } from '@parley/client/chat';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import { errorFields } from '../error-notice/describe-error.ts';
import { isNotableFinish, NOTABLE_FINISHES, type NotableFinish } from './finish-reasons.ts';

interface FinishNoticeContextValue {
  reason: NotableFinish;
  error: ChatErrorInfo | undefined;
  act: (() => void) | undefined;
}
const FinishNoticeContext = React.createContext<FinishNoticeContextValue | null>(null);

function useFinishNoticeContext(part: string): FinishNoticeContextValue {
  const context = React.useContext(FinishNoticeContext);
  if (!context) throw new Error(`<${part}> must be used inside <FinishNotice.Root>.`);
  return context;
}

/**
 * Text for a live region: empty on the first render, then the text, so a notice that appears
 * together with its region is still announced (screen readers read changes, not initial content).
 */
function useAnnounced(text: string): string {
  const [shown, setShown] = React.useState('');
  React.useEffect(() => setShown(text), [text]);
  return shown;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface FinishNoticeRootProps extends React.ComponentProps<'div'> {
  /**
   * The message's `finishReason`, any of the spec's: `length`, `content_filter` and `error` get a
   * notice; `stop`, `tool_calls` (ordinary endings) and reasons outside the spec render nothing.
   */
  reason: string | null | undefined;
  /** After an `error` finish: what the provider reported (`message.error`), shown in full under the notice. */
  error?: ChatErrorInfo | undefined;
  /** Offered after a `length` cut: ask the model to go on. */
  onContinue?: (() => void) | undefined;
  /** Offered after a `content_filter` stop: put the last message in the composer to reword it. */
  onRephrase?: (() => void) | undefined;
  /** Offered after an `error` finish: send the request again. */
  onRetry?: (() => void) | undefined;
}

/**
 * Says where a reply ends why it ended early (its length limit, the provider's content filter, an
 * error) with the action that fits: Continue, Rephrase or Retry. An error finish also shows what the
 * provider reported (its message, code, provider). Announced: politely, an error at once.
 *
 * @example
 * <FinishNotice.Root reason={message.finishReason} onContinue={continueReply} />
 * <FinishNotice.Root reason="error" error={message.error} onRetry={retry} />
 */
export function FinishNoticeRoot({
  reason,
  error,
  onContinue,
  onRephrase,
  onRetry,
  children,
  ...props
}: FinishNoticeRootProps) {
  const notable = isNotableFinish(reason) ? reason : undefined;
  const act = notable === 'length' ? onContinue : notable === 'content_filter' ? onRephrase : onRetry;
  const shownError = notable === 'error' ? error : undefined;
  const context = React.useMemo(
    () => (notable ? { reason: notable, error: shownError, act } : null),
    [notable, shownError, act],
  );
  if (!context) return null;
  return (
    <FinishNoticeContext.Provider value={context}>
      <div data-slot="finish-notice" data-reason={context.reason} {...props}>
        {children ?? (
          <>
            <FinishNoticeMessage />
            <FinishNoticeAction />
            <FinishNoticeDetail />
          </>
        )}
      </div>
    </FinishNoticeContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Message
 * -----------------------------------------------------------------------------------------------*/

export type FinishNoticeMessageProps = React.ComponentProps<'p'>;

/**
 * The sentence saying why the reply ended, in a live region: polite for a length or filter stop,
 * an alert for an error (as the error notice it stands in for would be).
 */
export function FinishNoticeMessage({ children, ...props }: FinishNoticeMessageProps) {
  const { reason } = useFinishNoticeContext('FinishNotice.Message');
  const text = useAnnounced(NOTABLE_FINISHES[reason].text);
  return (
    <p data-slot="finish-notice-message" role={reason === 'error' ? 'alert' : 'status'} {...props}>
      {children ?? text}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Detail
 * -----------------------------------------------------------------------------------------------*/

export type FinishNoticeDetailProps = React.ComponentProps<'div'>;

/**
 * After an error finish, what the provider reported: its message as plain text, then the error
 * body's code, type, provider and the rest. Nothing for other endings or without `error`.
 */
export function FinishNoticeDetail(props: FinishNoticeDetailProps) {
  const { error } = useFinishNoticeContext('FinishNotice.Detail');
  if (!error) return null;
  const fields = errorFields(error);
  if (!error.message && fields.length === 0) return null;
  return (
    <div data-slot="finish-notice-detail" {...props}>
      {error.message ? <p data-slot="finish-notice-error-message">{error.message}</p> : null}
      {fields.length > 0 ? (
        <dl data-slot="finish-notice-fields">
          {fields.map(([term, value]) => (
            <div key={term} data-slot="finish-notice-field">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Action
 * -----------------------------------------------------------------------------------------------*/

export interface FinishNoticeActionProps extends React.ComponentProps<'button'> {
  asChild?: boolean | undefined;
}

/** Continue, Rephrase or Retry, whichever fits; absent when the matching callback is not given. */
export function FinishNoticeAction({ asChild, onClick, children, ...props }: FinishNoticeActionProps) {
  const { reason, act } = useFinishNoticeContext('FinishNotice.Action');
  if (!act) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot="finish-notice-action"
      onClick={composeEventHandlers(onClick, () => act())}
      {...props}
    >
      {children ?? NOTABLE_FINISHES[reason].action}
    </Component>
  );
}
