/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';

export interface RefusalRootProps extends React.ComponentProps<'div'> {
  /** The message's `refusal` text; nothing renders without one. */
  refusal: string | undefined;
  /** The refusal is still streaming (`data-status="streaming"`). */
  streaming?: boolean | undefined;
  /** Shown before the text; "The model declined to answer" by default. */
  heading?: React.ReactNode | undefined;
}

/**
 * A model's refusal (`message.refusal`), rendered as what it is, apart from content: plain text
 * (never markdown) under a heading. The message list announces it when the reply ends.
 *
 * @example
 * <Refusal.Root refusal={message.refusal} streaming={message.status === 'streaming'} />
 */
export function RefusalRoot({ refusal, streaming = false, heading, children, ...props }: RefusalRootProps) {
  const id = React.useId();
  if (!refusal) return null;
  return (
    <div
      data-slot="refusal"
      data-status={streaming ? 'streaming' : 'complete'}
      role="note"
      aria-labelledby={id}
      {...props}
    >
      <p data-slot="refusal-heading" id={id}>
        {heading ?? 'The model declined to answer'}
      </p>
      <p data-slot="refusal-text">{refusal}</p>
      {children}
    </div>
  );
}
