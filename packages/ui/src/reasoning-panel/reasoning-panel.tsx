/** @jsxImportSource ../jsx */
'use client';
import type { ReasoningDetail } from '@parley/client';
import type { ChatReasoning } from '@parley/client/chat';
import { Collapsible } from 'radix-ui';
import { useControllableState } from 'radix-ui/internal';
import * as React from 'react';
import { ChevronRightIcon } from '../icons.tsx';
import { LazyMarkdown as Markdown } from '../markdown/lazy-markdown.tsx';

interface ReasoningPanelContextValue {
  reasoning: ChatReasoning | undefined;
  streaming: boolean;
  reasoningTokens: number | undefined;
}
const ReasoningPanelContext = React.createContext<ReasoningPanelContextValue>({
  reasoning: undefined,
  streaming: false,
  reasoningTokens: undefined,
});

/** "Thinking…" while reasoning streams, then "Thought for N s" when the duration is known. */
function reasoningLabel(streaming: boolean, durationMs: number | undefined): string {
  if (streaming) return 'Thinking…';
  if (durationMs === undefined) return 'Reasoning';
  return `Thought for ${Math.max(1, Math.round(durationMs / 1000))} s`;
}

/* -------------------------------------------------------------------------------------------------
 * Root
 * -----------------------------------------------------------------------------------------------*/

export interface ReasoningPanelRootProps
  extends Omit<React.ComponentProps<typeof Collapsible.Root>, 'open' | 'defaultOpen' | 'onOpenChange'> {
  reasoning?: ChatReasoning | undefined;
  /** Reasoning is still streaming: the panel is open (unless the person closed it) and says "Thinking…". */
  streaming?: boolean | undefined;
  /** `usage.completion_tokens_details.reasoning_tokens`, shown with hidden (encrypted) reasoning. */
  reasoningTokens?: number | undefined;
  open?: boolean | undefined;
  /** Without it, the panel follows `streaming` until the person toggles it. */
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}

/**
 * A collapsible view of a message's reasoning. Open while the reasoning streams, closed once it is
 * done, unless the person toggled it (or `open` is controlled). Without children it renders its
 * trigger and content.
 *
 * @example
 * <ReasoningPanel.Root reasoning={message.reasoning} streaming={isReasoning} />
 * <ReasoningPanel.Root reasoning={message.reasoning} streaming={isReasoning}>
 *   <ReasoningPanel.Trigger />
 *   <ReasoningPanel.Content />
 * </ReasoningPanel.Root>
 */
export function ReasoningPanelRoot({
  reasoning,
  streaming = false,
  reasoningTokens,
  open: openProp,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ReasoningPanelRootProps) {
  // `undefined` means "the person has not chosen": the panel then follows the stream.
  const [chosen, setChosen] = useControllableState<boolean | undefined>({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: (value) => value !== undefined && onOpenChange?.(value),
    caller: 'ReasoningPanel',
  });
  const open = chosen ?? streaming;
  const context = React.useMemo(
    () => ({ reasoning, streaming, reasoningTokens }),
    [reasoning, streaming, reasoningTokens],
  );
  return (
    <ReasoningPanelContext.Provider value={context}>
      <Collapsible.Root
        data-slot="reasoning-panel"
        data-status={streaming ? 'streaming' : 'complete'}
        open={open}
        onOpenChange={setChosen}
        {...props}
      >
        {children === undefined ? (
          <>
            <ReasoningPanelTrigger />
            <ReasoningPanelContent />
          </>
        ) : (
          children
        )}
      </Collapsible.Root>
    </ReasoningPanelContext.Provider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Trigger
 * -----------------------------------------------------------------------------------------------*/

export type ReasoningPanelTriggerProps = React.ComponentProps<typeof Collapsible.Trigger>;

/**
 * The toggle: a chevron (decorative, so the name is only the words) and "Thinking…" while the
 * reasoning streams, then "Thought for N s". Children replace the words.
 */
export function ReasoningPanelTrigger({ children, ...props }: ReasoningPanelTriggerProps) {
  const { reasoning, streaming } = React.useContext(ReasoningPanelContext);
  return (
    <Collapsible.Trigger data-slot="reasoning-panel-trigger" {...props}>
      <ChevronRightIcon data-slot="reasoning-panel-chevron" />
      <span data-slot="reasoning-panel-label">
        {children ?? reasoningLabel(streaming, reasoning?.durationMs)}
      </span>
    </Collapsible.Trigger>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Content
 * -----------------------------------------------------------------------------------------------*/

export type ReasoningPanelContentProps = React.ComponentProps<typeof Collapsible.Content>;

type Summary = Extract<ReasoningDetail, { type: 'reasoning.summary' }>;
type Text = Extract<ReasoningDetail, { type: 'reasoning.text' }>;
type Encrypted = Extract<ReasoningDetail, { type: 'reasoning.encrypted' }>;

function ReasoningBody() {
  const { reasoning, streaming, reasoningTokens } = React.useContext(ReasoningPanelContext);
  const details = reasoning?.details ?? [];
  const summaries = details.filter((detail): detail is Summary => detail.type === 'reasoning.summary');
  const texts = details.filter((detail): detail is Text => detail.type === 'reasoning.text');
  const encrypted = details.filter((detail): detail is Encrypted => detail.type === 'reasoning.encrypted');
  // `reasoning.text` repeats the readable details; use it alone only when no detail says what it is.
  const fullText =
    texts.length > 0
      ? texts.map((detail) => detail.text ?? '').join('')
      : summaries.length > 0
        ? ''
        : (reasoning?.text ?? '');
  return (
    <>
      {summaries.length > 0 ? (
        <section data-slot="reasoning-panel-summary" aria-label="Reasoning summary">
          <h4 data-slot="reasoning-panel-heading">Summary</h4>
          <Markdown streaming={streaming && fullText === ''}>
            {summaries.map((detail) => detail.summary).join('\n\n')}
          </Markdown>
        </section>
      ) : null}
      {fullText !== '' ? (
        <section data-slot="reasoning-panel-text" aria-label="Full reasoning">
          {summaries.length > 0 ? <h4 data-slot="reasoning-panel-heading">Full reasoning</h4> : null}
          <Markdown streaming={streaming}>{fullText}</Markdown>
        </section>
      ) : null}
      {encrypted.length > 0 ? (
        <p data-slot="reasoning-panel-encrypted">
          {reasoningTokens !== undefined
            ? `Hidden reasoning: ${reasoningTokens.toLocaleString('en')} tokens the provider keeps encrypted.`
            : 'Hidden reasoning: the provider keeps it encrypted.'}
        </p>
      ) : null}
    </>
  );
}

/** The reasoning itself: summary, full text and hidden (encrypted) reasoning, each as what it is. */
export function ReasoningPanelContent({ children, ...props }: ReasoningPanelContentProps) {
  return (
    <Collapsible.Content data-slot="reasoning-panel-content" {...props}>
      {children ?? <ReasoningBody />}
    </Collapsible.Content>
  );
}
