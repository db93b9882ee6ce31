'use client';
import type { ChatMessage } from '@parley/client/chat';
import { useModelPricing } from '@parley/react';
import { MessageRoot, type MessageRootProps } from '../message/message.tsx';

function needsPricing(message: ChatMessage): boolean {
  return (
    message.role === 'assistant' && message.usage !== undefined && typeof message.usage.cost !== 'number'
  );
}

/**
 * `Message.Root` for `Chat.Messages`, with the prices of the model that served a reply whose server reported
 * no cost. It is loaded with the row (lazy-message.tsx), and with it react-query, which the prices come
 * through: from the nearest ParleyProvider's cached models list and endpoints, one request per model.
 */
export function ChatMessageRoot(props: MessageRootProps) {
  const { message } = props;
  const served = useModelPricing(message.model, {
    provider: message.provider,
    enabled: needsPricing(message),
  });
  return <MessageRoot pricing={served?.pricing} pricedBy={served?.source} {...props} />;
}
