/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage } from '@parley/client/chat';
import { type ServedPricing, useModelPricing } from '@parley/react';
import * as React from 'react';

export interface PricingReaderProps {
  message: ChatMessage;
  onPricing: (served: ServedPricing | undefined) => void;
}

/**
 * Reads the prices of the model that served `message` and hands them up. A chunk of its own, with
 * react-query, which the prices come through (from the nearest ParleyProvider's cached models list and
 * endpoints, one request per model): loaded only by a reply whose server reported no cost.
 */
export function PricingReader({ message, onPricing }: PricingReaderProps) {
  const served = useModelPricing(message.model, { provider: message.provider, enabled: true });
  React.useEffect(() => onPricing(served), [served, onPricing]);
  return null;
}
