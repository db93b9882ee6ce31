'use client';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import { FINISH_NOTICES, isNotableFinish, type NotableFinish } from './finish-reasons.ts';

interface FinishNoticeContextValue {
  reason: NotableFinish;
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
  /** The message's `finishReason`; nothing renders unless it is `length`, `content_filter` or `error`. */
  reason: string | null | undefined;
  /** Offered after a `length` cut: ask the model to go on. */
  onContinue?: (() => void) | undefined;
  /** Offered after a `content_filter` stop: put the last message in the composer to reword it. */
  onRephrase?: (() => void) | undefined;
  /** Offered after an `error` finish: send the request again. */
  onRetry?: (() => void) | undefined;
}

/**
 * Says where a reply ends why it ended early (its length limit, the provider's content filter, an
 * error) with the action that fits: Continue, Rephrase or Retry. Announced politely.
 *
 * @example
 * <FinishNotice.Root reason={message.finishReason} onContinue={continueReply} />
 */
export function FinishNoticeRoot({
  reason,
  onContinue,
  onRephrase,
  onRetry,
  children,
  ...props
}: FinishNoticeRootProps) {
  const notable = isNotableFinish(reason) ? reason : undefined;
  const act = notable === 'length' ? onContinue : notable === 'content_filter' ? onRephrase : onRetry;
  const context = React.useMemo(() => (notable ? { reason: notable, act } : null), [notable, act]);
  if (!context) return null;
  return (
    <FinishNoticeContext.Provider value={context}>
      <div data-slot="finish-notice" data-reason={context.reason} {...props}>
        {children ?? (
          <>
            <FinishNoticeMessage />
            <FinishNoticeAction />
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

/** The sentence saying why the reply ended, in a polite live region. */
export function FinishNoticeMessage({ children, ...props }: FinishNoticeMessageProps) {
  const { reason } = useFinishNoticeContext('FinishNotice.Message');
  const text = useAnnounced(FINISH_NOTICES[reason].text);
  return (
    <p data-slot="finish-notice-message" role="status" {...props}>
      {children ?? text}
    </p>
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
      {children ?? FINISH_NOTICES[reason].action}
    </Component>
  );
}
