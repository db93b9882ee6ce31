/** @jsxImportSource ../jsx */
'use client';
import type { TokenLogprob } from '@parley/client';
import { Popover, Toolbar } from 'radix-ui';
import * as React from 'react';
import {
  confidenceOf,
  formatProbability,
  leastConfidentSpans,
  probabilityOf,
  readableToken,
} from './confidence.ts';

interface LogprobsViewContextValue {
  logprobs: readonly TokenLogprob[];
  streaming: boolean;
  openIndex: number | null;
  setOpenIndex: (index: number | null) => void;
  /** Moves focus to a token and opens its alternatives (from the least-confident list). */
  reveal: (index: number) => void;
  register: (index: number, element: HTMLButtonElement | null) => void;
}
const LogprobsViewContext = React.createContext<LogprobsViewContextValue | null>(null);

function useLogprobsViewContext(part: string): LogprobsViewContextValue {
  const context = React.useContext(LogprobsViewContext);
  if (!context) throw new Error(`<${part}> must be used inside <LogprobsView.Root>.`);
  return context;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface LogprobsViewRootProps extends React.ComponentProps<'div'> {
  /** `logprobs.content` of the reply: one entry per token, growing while it streams. */
  logprobs: readonly TokenLogprob[] | undefined;
  /** The reply is still streaming: tokens keep arriving, and the least-confident list waits for the end. */
  streaming?: boolean | undefined;
}

/**
 * The reply's tokens shaded by the model's confidence, each opening its top alternatives with
 * their probabilities, and a list of the least confident spans that jumps to them. The tokens are
 * one toolbar: Tab reaches it, the arrow keys move between tokens, Enter opens the alternatives,
 * Escape closes them.
 *
 * @example
 * <LogprobsView.Root logprobs={message.logprobs?.content} streaming={message.status === 'streaming'} />
 */
export function LogprobsViewRoot({ logprobs, streaming = false, children, ...props }: LogprobsViewRootProps) {
  const [openIndex, setOpenIndex] = React.useState<number | null>(null);
  const elements = React.useRef(new Map<number, HTMLButtonElement>());
  const register = React.useCallback((index: number, element: HTMLButtonElement | null) => {
    if (element) elements.current.set(index, element);
    else elements.current.delete(index);
  }, []);
  const reveal = React.useCallback((index: number) => {
    elements.current.get(index)?.focus();
    setOpenIndex(index);
  }, []);
  const entries = logprobs ?? [];
  const context = React.useMemo(
    () => ({ logprobs: entries, streaming, openIndex, setOpenIndex, reveal, register }),
    [entries, streaming, openIndex, reveal, register],
  );
  if (entries.length === 0 && !streaming) return null;
  return (
    <LogprobsViewContext.Provider value={context}>
      <div data-slot="logprobs-view" data-status={streaming ? 'streaming' : 'complete'} {...props}>
        {children ?? (
          <>
            <LogprobsViewTokens />
            <LogprobsViewLeastConfident />
          </>
        )}
      </div>
    </LogprobsViewContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Tokens
 * -----------------------------------------------------------------------------------------------*/

export type LogprobsViewTokensProps = React.ComponentProps<typeof Toolbar.Root>;

/** The tokens as one toolbar (a single Tab stop; arrow keys move between tokens). */
export function LogprobsViewTokens({ children, ...props }: LogprobsViewTokensProps) {
  const { logprobs, openIndex, setOpenIndex, register } = useLogprobsViewContext('LogprobsView.Tokens');
  return (
    <Toolbar.Root data-slot="logprobs-view-tokens" aria-label="Reply tokens by probability" {...props}>
      {children ??
        logprobs.map((entry, index) => (
          <LogprobsToken
            // Tokens only ever append, so the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            entry={entry}
            index={index}
            open={openIndex === index}
            onOpenIndexChange={setOpenIndex}
            register={register}
          />
        ))}
    </Toolbar.Root>
  );
}

interface LogprobsTokenProps {
  entry: TokenLogprob;
  index: number;
  open: boolean;
  onOpenIndexChange: (index: number | null) => void;
  register: (index: number, element: HTMLButtonElement | null) => void;
}

// Memoised: a new token or an opened popover re-renders that token alone, not the whole reply.
const LogprobsToken = React.memo(function LogprobsToken({
  entry,
  index,
  open,
  onOpenIndexChange,
  register,
}: LogprobsTokenProps) {
  const probability = probabilityOf(entry.logprob);
  const label = `${readableToken(entry.token)} ${formatProbability(probability)}`;
  const ref = React.useCallback(
    (element: HTMLButtonElement | null) => register(index, element),
    [register, index],
  );
  return (
    <Popover.Root open={open} onOpenChange={(next) => onOpenIndexChange(next ? index : null)}>
      <Toolbar.Button asChild>
        <Popover.Trigger
          ref={ref}
          data-slot="logprobs-view-token"
          data-confidence={confidenceOf(probability)}
          data-break={entry.token.includes('\n') ? '' : undefined}
          aria-label={label}
          style={{ '--parley-token-probability': probability } as React.CSSProperties}
        >
          {entry.token}
        </Popover.Trigger>
      </Toolbar.Button>
      <Popover.Portal>
        <Popover.Content
          data-slot="logprobs-view-alternatives"
          aria-label={`Alternatives for ${readableToken(entry.token)}`}
          sideOffset={4}
        >
          <TokenAlternatives entry={entry} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
});

function TokenAlternatives({ entry }: { entry: TokenLogprob }) {
  const alternatives = entry.top_logprobs.length > 0 ? entry.top_logprobs : [entry];
  return (
    <table data-slot="logprobs-view-table">
      <caption>Top alternatives for “{readableToken(entry.token)}”</caption>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Probability</th>
        </tr>
      </thead>
      <tbody>
        {alternatives.map((alternative, position) => (
          <tr
            // biome-ignore lint/suspicious/noArrayIndexKey: alternatives are a fixed list per token
            key={position}
            data-chosen={alternative.token === entry.token ? '' : undefined}
          >
            <td>
              <code>{readableToken(alternative.token)}</code>
            </td>
            <td>{formatProbability(probabilityOf(alternative.logprob))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/* -------------------------------------------------------------------------------------------------
 * LeastConfident
 * -----------------------------------------------------------------------------------------------*/

export interface LogprobsViewLeastConfidentProps extends React.ComponentProps<'section'> {
  /** How many spans to list. */
  count?: number | undefined;
}

// Enough to point at the doubtful parts of a reply without becoming a second copy of it.
const DEFAULT_SPAN_COUNT = 5;

/**
 * The least confident spans, least likely first; each button moves focus to the span's first
 * token and opens its alternatives. Computed once the reply is complete, so a streamed token does
 * not re-sort the whole reply.
 */
export function LogprobsViewLeastConfident({
  count = DEFAULT_SPAN_COUNT,
  ...props
}: LogprobsViewLeastConfidentProps) {
  const { logprobs, streaming, reveal } = useLogprobsViewContext('LogprobsView.LeastConfident');
  const spans = React.useMemo(
    () => (streaming ? [] : leastConfidentSpans(logprobs, count)),
    [logprobs, streaming, count],
  );
  return (
    <section data-slot="logprobs-view-least" aria-label="Least confident spans" {...props}>
      {streaming ? (
        <p data-slot="logprobs-view-note">The least confident spans are listed when the reply is complete.</p>
      ) : spans.length === 0 ? (
        <p data-slot="logprobs-view-note">The model was confident about every token.</p>
      ) : (
        <ol data-slot="logprobs-view-spans">
          {spans.map((span) => (
            <li key={span.start}>
              <button type="button" data-slot="logprobs-view-span" onClick={() => reveal(span.start)}>
                “{span.text}” {formatProbability(span.probability)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
