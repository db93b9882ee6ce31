/** @jsxImportSource ../jsx */
'use client';
import type { ChatErrorInfo } from '@parley/client/chat';
import { Slot } from 'radix-ui';
import { composeEventHandlers } from 'radix-ui/internal';
import * as React from 'react';
import { describeError, type ErrorDescription, errorFields } from './describe-error.ts';

/** An automatic retry the client has scheduled (`ChatState.pendingRetry`). */
export interface ErrorNoticeRetry {
  /** 1-based number of the retry. */
  attempt: number;
  delayMs?: number;
  /** When it fires, epoch milliseconds. */
  retryAt: number;
  /** The failure being retried, when known; it names the trouble ("Rate limited") during the countdown. */
  error?: ChatErrorInfo;
}

// Whole seconds are shown; four ticks a second keep the display within a quarter second of the truth.
const TICK_MS = 250;

interface ErrorNoticeContextValue {
  error: ChatErrorInfo | undefined;
  description: ErrorDescription | undefined;
  pendingRetry: ErrorNoticeRetry | undefined;
  /** Until the automatic retry, or until the server allows another request (429 `retry-after`). */
  remainingMs: number;
  retry: (() => void) | undefined;
  changeKey: (() => void) | undefined;
  dismiss: () => void;
}

const ErrorNoticeContext = React.createContext<ErrorNoticeContextValue | null>(null);

function useErrorNoticeContext(part: string): ErrorNoticeContextValue {
  const context = React.useContext(ErrorNoticeContext);
  if (!context) throw new Error(`<${part}> must be used inside <ErrorNotice.Root>.`);
  return context;
}

/** The current time while a countdown runs: the `now` prop when given, else a ticking clock. */
function useNow(nowProp: number | undefined, until: number | undefined): number {
  const [clock, setClock] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (nowProp !== undefined || until === undefined) return;
    setClock(Date.now());
    const timer = setInterval(() => {
      const now = Date.now();
      setClock(now);
      if (now >= until) clearInterval(timer);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [nowProp, until]);
  return nowProp ?? clock;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ErrorNoticeRootProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /** The chat's error (`ChatState.error`). Nothing renders without an error or a pending retry. */
  error?: ChatErrorInfo | undefined;
  /** The automatic retry in progress (`ChatState.pendingRetry`), shown with a live countdown. */
  pendingRetry?: ErrorNoticeRetry | undefined;
  /**
   * Offered as a Retry button when given and trying again can help: not for a refused key or a
   * request the server cannot serve, and after a rate limit only once its `retry-after` has passed.
   */
  onRetry?: (() => void) | undefined;
  /** Offered as "Change API key" when the server refused the key (401), instead of Retry. */
  onChangeKey?: (() => void) | undefined;
  /** Called when the user dismisses the notice; it hides itself until the error changes. */
  onDismiss?: (() => void) | undefined;
  /** Whether the default layout offers Dismiss; not for an error shown in place of a reply. Default true. */
  dismissible?: boolean | undefined;
  /** The time in epoch milliseconds, to drive the countdown yourself; the clock ticks on its own otherwise. */
  now?: number | undefined;
  /** The parts; the default layout (title, description, detail, countdown, actions) when absent. */
  children?: React.ReactNode | undefined;
}

/** When a rate-limited error (no automatic retry left) allows another request: its arrival plus `retry-after`. */
function useAllowedAt(error: ChatErrorInfo | undefined, nowProp: number | undefined): number | undefined {
  const [arrival, setArrival] = React.useState<{ error: ChatErrorInfo; at: number }>();
  // Measured from when this error arrived, not from every render's `now`.
  const nowRef = React.useRef(nowProp);
  nowRef.current = nowProp;
  React.useEffect(() => {
    if (error?.retryAfterMs !== undefined) setArrival({ error, at: nowRef.current ?? Date.now() });
  }, [error]);
  if (error?.retryAfterMs === undefined) return undefined;
  return arrival?.error === error ? arrival.at + error.retryAfterMs : undefined;
}

/**
 * The chat's error as a person reads it, with the one action that fits (Retry, Change API key, or a
 * countdown to wait out) and Dismiss, and a countdown while the client waits to retry on its own. A
 * new error is announced (`role="alert"`); an automatic retry politely.
 *
 * @example
 * <ErrorNotice.Root error={error} pendingRetry={pendingRetry} onRetry={retry} onChangeKey={openSettings} />
 */
export function ErrorNoticeRoot({
  error: errorProp,
  pendingRetry,
  onRetry,
  onChangeKey,
  onDismiss,
  dismissible = true,
  now: nowProp,
  children,
  ...props
}: ErrorNoticeRootProps) {
  const [dismissed, setDismissed] = React.useState<object | undefined>(undefined);
  const error = errorProp ?? pendingRetry?.error;
  const description = React.useMemo(() => (error ? describeError(error) : undefined), [error]);
  const allowedAt = useAllowedAt(
    !pendingRetry && description?.action === 'wait' ? error : undefined,
    nowProp,
  );
  const until = pendingRetry?.retryAt ?? allowedAt;
  const now = useNow(nowProp, until);
  const subject = pendingRetry ?? error;
  // Stopping a reply is the user's own doing, not an error to tell them about.
  const stopped = !pendingRetry && description?.category === 'aborted';
  if (subject === undefined || subject === dismissed || stopped) return null;

  const remainingMs = until === undefined ? 0 : Math.max(0, until - now);
  const action = description?.action;
  const retryHelps = action === 'retry' || (action === 'wait' && remainingMs === 0);
  const context: ErrorNoticeContextValue = {
    error,
    description,
    pendingRetry,
    remainingMs,
    retry: onRetry && !pendingRetry && error && retryHelps ? onRetry : undefined,
    changeKey: action === 'change-key' ? onChangeKey : undefined,
    dismiss: () => {
      setDismissed(subject);
      onDismiss?.();
    },
  };
  return (
    <ErrorNoticeContext.Provider value={context}>
      <div
        data-slot="error-notice"
        data-state={pendingRetry ? 'retrying' : 'error'}
        data-category={description?.category}
        role={pendingRetry ? 'status' : 'alert'}
        {...props}
      >
        {children ?? (
          <>
            <ErrorNoticeTitle />
            <ErrorNoticeDescription />
            <ErrorNoticeDetail />
            <ErrorNoticeFields />
            <ErrorNoticeCountdown />
            <ErrorNoticeActions>
              <ErrorNoticeRetryButton />
              <ErrorNoticeChangeKey />
              {dismissible ? <ErrorNoticeDismiss /> : null}
            </ErrorNoticeActions>
          </>
        )}
      </div>
    </ErrorNoticeContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Title, Description, Detail, Countdown
 * -----------------------------------------------------------------------------------------------*/

/** What happened, in a few words. */
export function ErrorNoticeTitle({ children, ...props }: React.ComponentProps<'p'>) {
  const { description } = useErrorNoticeContext('ErrorNotice.Title');
  return (
    <p data-slot="error-notice-title" {...props}>
      {children ?? description?.title ?? 'Retrying'}
    </p>
  );
}

/** What it means and what to do. */
export function ErrorNoticeDescription({ children, ...props }: React.ComponentProps<'p'>) {
  const { description } = useErrorNoticeContext('ErrorNotice.Description');
  return (
    <p data-slot="error-notice-description" {...props}>
      {children ?? description?.description ?? 'The request failed and is being tried again.'}
    </p>
  );
}

/** The server's own message, as plain text. Rendered only when there is one. */
export function ErrorNoticeDetail(props: React.ComponentProps<'p'>) {
  const { error } = useErrorNoticeContext('ErrorNotice.Detail');
  if (!error?.message) return null;
  return (
    <p data-slot="error-notice-detail" {...props}>
      {error.message}
    </p>
  );
}

/**
 * Everything else the server's error body said, as a definition list: code, parameter, type, the
 * provider and its own message, and moderation's reasons and flagged input. Rendered only when
 * the body had any of them.
 */
export function ErrorNoticeFields(props: React.ComponentProps<'dl'>) {
  const { error } = useErrorNoticeContext('ErrorNotice.Fields');
  if (!error) return null;
  const shown = errorFields(error);
  if (shown.length === 0) return null;
  return (
    <dl data-slot="error-notice-fields" {...props}>
      {shown.map(([term, value]) => (
        <div key={term} data-slot="error-notice-field">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function formatSeconds(ms: number): string {
  const value = Math.ceil(ms / 1000);
  return `${value} second${value === 1 ? '' : 's'}`;
}

/**
 * "Retrying automatically in 3 seconds (retry 1)" while an automatic retry is scheduled, or "You
 * can try again in 3 seconds" while a rate limit's `retry-after` runs. The one place the wait is
 * stated, so the numbers never disagree. A timer, so the ticking is not read out every second.
 */
export function ErrorNoticeCountdown(props: React.ComponentProps<'p'>) {
  const { pendingRetry, remainingMs, description } = useErrorNoticeContext('ErrorNotice.Countdown');
  if (!pendingRetry) {
    if (description?.action !== 'wait' || remainingMs <= 0) return null;
    return (
      <p data-slot="error-notice-countdown" data-state="waiting" role="timer" aria-live="off" {...props}>
        {`You can try again in ${formatSeconds(remainingMs)}.`}
      </p>
    );
  }
  const due = remainingMs <= 0;
  return (
    <p
      data-slot="error-notice-countdown"
      data-state={due ? 'due' : 'waiting'}
      role="timer"
      aria-live="off"
      style={{ '--parley-retry-remaining': `${remainingMs}ms` } as React.CSSProperties}
      {...props}
    >
      {due
        ? `Retrying now (retry ${pendingRetry.attempt})…`
        : `Retrying automatically in ${formatSeconds(remainingMs)} (retry ${pendingRetry.attempt}).`}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Actions, Retry, Dismiss
 * -----------------------------------------------------------------------------------------------*/

/** The row holding Retry and Dismiss. */
export function ErrorNoticeActions(props: React.ComponentProps<'div'>) {
  return <div data-slot="error-notice-actions" {...props} />;
}

export interface ErrorNoticeButtonProps extends React.ComponentProps<'button'> {
  /** Render the child element instead of a `<button>`, merging props onto it. */
  asChild?: boolean | undefined;
}

/** Sends the failed request again. Rendered when the root has `onRetry`, trying again can help and no automatic retry is pending. */
export function ErrorNoticeRetryButton({
  asChild,
  children = 'Retry',
  onClick,
  ...props
}: ErrorNoticeButtonProps) {
  const { retry } = useErrorNoticeContext('ErrorNotice.Retry');
  if (!retry) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot="error-notice-retry"
      {...props}
      onClick={composeEventHandlers(onClick, retry)}
    >
      {children}
    </Component>
  );
}

/** Opens wherever the app lets the person change the API key. Rendered for a refused key when the root has `onChangeKey`. */
export function ErrorNoticeChangeKey({
  asChild,
  children = 'Change API key',
  onClick,
  ...props
}: ErrorNoticeButtonProps) {
  const { changeKey } = useErrorNoticeContext('ErrorNotice.ChangeKey');
  if (!changeKey) return null;
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot="error-notice-change-key"
      {...props}
      onClick={composeEventHandlers(onClick, changeKey)}
    >
      {children}
    </Component>
  );
}

/** Hides the notice until the next error. */
export function ErrorNoticeDismiss({
  asChild,
  children = 'Dismiss',
  onClick,
  ...props
}: ErrorNoticeButtonProps) {
  const { dismiss } = useErrorNoticeContext('ErrorNotice.Dismiss');
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      type="button"
      data-slot="error-notice-dismiss"
      {...props}
      onClick={composeEventHandlers(onClick, dismiss)}
    >
      {children}
    </Component>
  );
}
