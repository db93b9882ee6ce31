/** @jsxImportSource ../jsx */
'use client';
import type { ModelPricing } from '@parley/client';
import type { ChatState, ChatStore } from '@parley/client/chat';
import { useChatSelector, useOptionalPreferencesStore } from '@parley/react';
import * as React from 'react';
import * as UsageMeter from '../usage-meter/index.ts';
import { ChatRootContext } from './chat-root-context.ts';

export interface ChatUsageProps extends React.ComponentProps<'div'> {
  /** The chat to show; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore;
  /** The model's prices, to estimate the cost when the server does not report it; default the chosen model's. */
  pricing?: ModelPricing;
  /**
   * The model's `context_length`: shows the context window and warns before an overflow; default
   * the model chosen in the nearest preferences (`Chat.ModelPicker`).
   */
  contextLength?: number;
}

const selectTotal = (state: ChatState) => state.usageTotal;
// The last reply's prompt and completion are the conversation as the model last saw it.
const selectContextTokens = (state: ChatState) => state.usage?.total_tokens ?? 0;

const noSubscription = () => () => {};

/** The model chosen in the nearest preferences store, when there is one. */
function useChosenModel() {
  const preferences = useOptionalPreferencesStore();
  return React.useSyncExternalStore(
    preferences ? preferences.subscribe : noSubscription,
    () => preferences?.getState().selectedModel,
    () => preferences?.getState().selectedModel,
  );
}

const noDraft = () => '';

/** The draft's text as `Chat.Composer` reports it (typed, or set through its API); empty outside `Chat.Root`. */
function useDraftText(): string {
  const draftText = React.useContext(ChatRootContext)?.draftText;
  return React.useSyncExternalStore(
    draftText?.subscribe ?? noSubscription,
    draftText?.get ?? noDraft,
    noDraft,
  );
}

/**
 * The conversation's usage and cost (every reply summed, kept across reloads), and, given the
 * model's context length, how full its context window is, warning before the draft would overflow it.
 *
 * @example
 * <Chat.Root options={options}>
 *   <Chat.Messages />
 *   <Chat.Usage contextLength={model.context_length} pricing={model.pricing} />
 *   <Chat.Composer />
 * </Chat.Root>
 */
export function ChatUsage({
  store,
  pricing: pricingProp,
  contextLength: lengthProp,
  ...props
}: ChatUsageProps) {
  const chosen = useChosenModel();
  const pricing = pricingProp ?? chosen?.pricing;
  const contextLength = lengthProp ?? chosen?.context_length;
  const total = useChatSelector(selectTotal, store);
  const used = useChatSelector(selectContextTokens, store);
  const draft = useDraftText();
  if (!total && contextLength === undefined) return null;
  return (
    <div data-slot="chat-usage" {...props}>
      <UsageMeter.Root usage={total} label="Conversation usage" pricing={pricing} />
      {contextLength !== undefined ? (
        <UsageMeter.ContextWindow usedTokens={used} contextLength={contextLength} draft={draft} />
      ) : null}
    </div>
  );
}
