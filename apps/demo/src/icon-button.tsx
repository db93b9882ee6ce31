import type * as React from 'react';

/**
 * An icon button named by its `aria-label`, showing the same words below it on hover and keyboard
 * focus (a tooltip alone is not reliably read, and never on touch). The tooltip is CSS on
 * `data-tooltip` (app.css), not a positioning library: the header and sidebar buttons sit where a
 * label below always fits, and the first page stays light. `tooltipAlign="end"` keeps the label
 * inside the screen for a button at the right edge.
 */
export function IconButton({
  label,
  tooltipAlign,
  children,
  ...props
}: { label: string; tooltipAlign?: 'end' } & React.ComponentProps<'button'>) {
  return (
    <button
      type="button"
      className="app-icon-button"
      aria-label={label}
      data-tooltip={label}
      data-tooltip-align={tooltipAlign}
      {...props}
    >
      {children}
    </button>
  );
}
