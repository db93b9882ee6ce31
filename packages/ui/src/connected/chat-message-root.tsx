/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage } from '@parley/client/chat';
import type { ServedPricing } from '@parley/react';
import * as React from 'react';
import { LazyRender, lazyComponent } from '../lazy-component.tsx';
import { MessageRoot, type MessageRootProps } from '../message/message.tsx';

function needsPricing(message: ChatMessage): boolean {
  return (
    message.role === 'assistant' && message.usage !== undefined && typeof message.usage.cost !== 'number'
  );
}

// Most rows need no prices (a user's message, a reply whose server reported its cost): react-query and
// the price lookup load only with the first row that does, so a conversation opens without them.
const pricingReader = lazyComponent(() =>
  import('./chat-message-pricing.tsx').then((module) => module.PricingReader),
);

/**
 * `Message.Root` for `Chat.Messages`, with the prices of the model that served a reply whose server reported
 * no cost (for its estimate in Details), once they are known. It is loaded with the row (lazy-message.tsx).
 */
export function ChatMessageRoot(props: MessageRootProps) {
  const { message } = props;
  const priced = needsPricing(message);
  const [served, setServed] = React.useState<ServedPricing>();
  // The same prices keep the same state, so a lookup that finds nothing new renders nothing again.
  const onPricing = React.useCallback(
    (next: ServedPricing | undefined) =>
      setServed((current) =>
        current?.pricing === next?.pricing && current?.source === next?.source ? current : next,
      ),
    [],
  );
  const shown = priced ? served : undefined;
  return (
    <>
      {priced ? <LazyRender from={pricingReader} props={{ message, onPricing }} fallback={null} /> : null}
      <MessageRoot pricing={shown?.pricing} pricedBy={shown?.source} {...props} />
    </>
  );
}
