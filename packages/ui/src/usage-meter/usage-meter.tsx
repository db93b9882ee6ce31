/** @jsxImportSource ../jsx */
'use client';
import type { ModelPricing, Usage } from '@parley/client';
import * as React from 'react';
import {
  CONTEXT_NEAR_RATIO,
  type ContextState,
  contextState,
  estimateTokens,
  formatCost,
  formatTokens,
  type UsageCost,
  usageCost,
} from './usage-numbers.ts';

interface UsageMeterContextValue {
  usage: Usage | undefined;
  cost: UsageCost | undefined;
  pricedBy: string | undefined;
}
const UsageMeterContext = React.createContext<UsageMeterContextValue>({
  usage: undefined,
  cost: undefined,
  pricedBy: undefined,
});

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface UsageMeterRootProps extends React.ComponentProps<'section'> {
  /** A reply's `usage`, or a conversation's total; nothing renders without it. */
  usage: Usage | undefined;
  /** The model's per-token prices, to estimate the cost when the server did not report it. */
  pricing?: ModelPricing | undefined;
  /** Whose prices `pricing` are (a provider, a model), named in the estimate's label. */
  pricedBy?: string | undefined;
  /** Names the group for assistive technology: "This reply", "Conversation". */
  label?: string | undefined;
}

/**
 * Tokens and cost of a reply or a conversation: prompt, completion, reasoning and cached tokens,
 * and the cost the server reported, or one estimated from the model's pricing and marked so.
 *
 * @example
 * <UsageMeter.Root usage={message.usage} pricing={model.pricing} label="This reply" />
 */
export function UsageMeterRoot({
  usage,
  pricing,
  pricedBy,
  label = 'Usage',
  children,
  ...props
}: UsageMeterRootProps) {
  const context = React.useMemo(
    () => ({ usage, cost: usageCost(usage, pricing), pricedBy }),
    [usage, pricing, pricedBy],
  );
  if (!usage) return null;
  return (
    <UsageMeterContext.Provider value={context}>
      <section
        data-slot="usage-meter"
        data-estimate={context.cost?.estimated ? '' : undefined}
        aria-label={label}
        {...props}
      >
        {children ?? (
          <>
            <UsageMeterTokens />
            <UsageMeterCost />
          </>
        )}
      </section>
    </UsageMeterContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Tokens
 * -----------------------------------------------------------------------------------------------*/

export type UsageMeterTokensProps = React.ComponentProps<'dl'>;

/**
 * Prompt and completion tokens, and reasoning and cached tokens when the server counted them. In a
 * narrow container (a phone) the theme drops the unit after each count (still read out) and a
 * reasoning or cached count of zero (`data-zero`).
 */
export function UsageMeterTokens(props: UsageMeterTokensProps) {
  const { usage } = React.useContext(UsageMeterContext);
  if (!usage) return null;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  const cached = usage.prompt_tokens_details?.cached_tokens;
  const rows: [string, string, number][] = [
    ['prompt', 'Prompt', usage.prompt_tokens],
    ['completion', 'Completion', usage.completion_tokens],
  ];
  if (typeof reasoning === 'number') rows.push(['reasoning', 'Reasoning', reasoning]);
  if (typeof cached === 'number') rows.push(['cached', 'Cached', cached]);
  return (
    <dl data-slot="usage-meter-tokens" {...props}>
      {rows.map(([key, name, value]) => (
        <div
          key={key}
          data-slot="usage-meter-row"
          data-kind={key}
          data-zero={value === 0 && key !== 'prompt' && key !== 'completion' ? '' : undefined}
        >
          <dt>{name}</dt>
          <dd>
            {formatTokens(value)}
            <span data-slot="usage-meter-unit"> tokens</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Cost
 * -----------------------------------------------------------------------------------------------*/

export type UsageMeterCostProps = React.ComponentProps<'p'>;

/**
 * "Cost $0.0012" as the server reported it, or "Estimated cost ≈ $0.0012 (estimate at Lyrebird's
 * prices)" when computed from prices.
 */
export function UsageMeterCost(props: UsageMeterCostProps) {
  const { cost, pricedBy } = React.useContext(UsageMeterContext);
  if (!cost) return null;
  return (
    <p data-slot="usage-meter-cost" data-estimate={cost.estimated ? '' : undefined} {...props}>
      {cost.estimated ? (
        <>
          Estimated cost ≈ {formatCost(cost.usd)}{' '}
          <span data-slot="usage-meter-estimate">
            {pricedBy ? `(estimate at ${pricedBy}'s prices)` : '(estimate)'}
          </span>
        </>
      ) : (
        <>Cost {formatCost(cost.usd)}</>
      )}
    </p>
  );
}

/* -------------------------------------------------------------------------------------------------
 * ContextWindow
 * -----------------------------------------------------------------------------------------------*/

export interface UsageMeterContextWindowProps extends React.ComponentProps<'div'> {
  /** Tokens the conversation already takes: the last reply's `prompt_tokens + completion_tokens`. */
  usedTokens: number;
  /** The chosen model's `context_length`. */
  contextLength: number;
  /** Tokens the next send adds, when you count them; otherwise estimated from `draft`. */
  nextTokens?: number | undefined;
  /** The draft about to be sent, estimated at about four characters a token. */
  draft?: string | undefined;
}

const CONTEXT_WARNINGS: Record<ContextState, string> = {
  ok: '',
  near: 'The conversation is close to the model’s context window.',
  over: 'The next message would not fit in the model’s context window. Start a new conversation or choose a model with a longer context.',
};

/**
 * How much of the chosen model's context window the conversation fills, as a meter, with a
 * warning (announced) when the next send would come close to it or overflow it.
 *
 * @example
 * <UsageMeter.ContextWindow usedTokens={used} contextLength={model.context_length} draft={draft} />
 */
export function UsageMeterContextWindow({
  usedTokens,
  contextLength,
  nextTokens,
  draft = '',
  children,
  style,
  ...props
}: UsageMeterContextWindowProps) {
  const state = contextState(usedTokens, nextTokens ?? estimateTokens(draft), contextLength);
  const ratio = contextLength > 0 ? Math.min(1, usedTokens / contextLength) : 1;
  const valueText = `${formatTokens(usedTokens)} of ${formatTokens(contextLength)} tokens`;
  return (
    <div
      data-slot="usage-meter-context"
      data-state={state}
      style={{ '--parley-context-used': ratio, ...style } as React.CSSProperties}
      {...props}
    >
      <meter
        data-slot="usage-meter-context-bar"
        aria-label="Context window"
        aria-valuetext={valueText}
        min={0}
        max={contextLength}
        value={Math.min(usedTokens, contextLength)}
        high={contextLength * CONTEXT_NEAR_RATIO}
        optimum={0}
      />
      <span data-slot="usage-meter-context-label">Context {valueText}</span>
      <p data-slot="usage-meter-context-warning" role="status">
        {CONTEXT_WARNINGS[state]}
      </p>
      {children}
    </div>
  );
}
