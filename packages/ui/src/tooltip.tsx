'use client';
import { Tooltip } from 'radix-ui';
import type * as React from 'react';

// Long enough that passing the pointer over a row of icons does not flash every label.
const TOOLTIP_DELAY_MS = 400;

/**
 * Names an icon button on hover and keyboard focus. The button keeps its own `aria-label` (a
 * tooltip is not reliably read, and never on touch); this only shows the same words. Rendered in
 * place rather than portalled, so the theme tokens of the surrounding Parley element apply.
 */
export function IconTooltip({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <Tooltip.Provider delayDuration={TOOLTIP_DELAY_MS}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
        <Tooltip.Content data-slot="tooltip" side="bottom" sideOffset={6} collisionPadding={8}>
          {label}
        </Tooltip.Content>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
