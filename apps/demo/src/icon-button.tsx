import { Tooltip } from 'radix-ui';
import type * as React from 'react';

/** Shows `label` beside its child (a button) on hover and keyboard focus. */
export function WithTooltip({ label, children }: { label: string; children: React.ReactElement }) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Content className="app-tooltip" side="bottom" sideOffset={6} collisionPadding={8}>
        {label}
      </Tooltip.Content>
    </Tooltip.Root>
  );
}

/**
 * An icon button named by its `aria-label` and showing the same words in a tooltip (a tooltip
 * alone is not reliably read, and never on touch).
 */
export function IconButton({
  label,
  children,
  ...props
}: { label: string } & React.ComponentProps<'button'>) {
  return (
    <WithTooltip label={label}>
      <button type="button" className="app-icon-button" aria-label={label} {...props}>
        {children}
      </button>
    </WithTooltip>
  );
}
