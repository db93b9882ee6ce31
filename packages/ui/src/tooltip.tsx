'use client';
import { Slot } from 'radix-ui';
import * as React from 'react';

// Long enough that passing the pointer over a row of icons does not flash every label.
const TOOLTIP_DELAY_MS = 400;
// Time to cross from the button to its label without the label going away.
const LEAVE_GRACE_MS = 100;
const GAP_PX = 6;
const EDGE_PX = 8;

/** Where the label may be drawn: the screen, less what scrolling or clipping ancestors hide. */
function visibleArea(trigger: Element) {
  let top = 0;
  let left = 0;
  let bottom = window.innerHeight;
  let right = window.innerWidth;
  const page = trigger.ownerDocument;
  for (let node = trigger.parentElement; node && node !== page.body; node = node.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(node);
    if (overflowX === 'visible' && overflowY === 'visible') continue;
    const box = node.getBoundingClientRect();
    top = Math.max(top, box.top);
    left = Math.max(left, box.left);
    bottom = Math.min(bottom, box.bottom);
    right = Math.min(right, box.right);
  }
  return { top, left, bottom, right };
}

/**
 * Puts the label below the button, centred, or above it where below would be cut off (a composer at
 * the bottom of the screen), and slides it sideways to stay inside (a button at the screen's edge).
 * The label is `position: fixed`, but an ancestor with a transform (a virtualised list's rows) makes
 * that relative to the ancestor: where it lands at 0, 0 says by how much.
 */
function place(trigger: HTMLElement, label: HTMLElement) {
  label.style.top = '0px';
  label.style.left = '0px';
  const origin = label.getBoundingClientRect();
  const button = trigger.getBoundingClientRect();
  const area = visibleArea(trigger);
  const below = button.bottom + GAP_PX;
  const above = button.top - GAP_PX - origin.height;
  const side =
    below + origin.height <= area.bottom - EDGE_PX || above < area.top + EDGE_PX ? 'bottom' : 'top';
  const centred = button.left + (button.width - origin.width) / 2;
  const x = Math.max(area.left + EDGE_PX, Math.min(centred, area.right - EDGE_PX - origin.width));
  label.style.top = `${(side === 'bottom' ? below : above) - origin.top}px`;
  label.style.left = `${x - origin.left}px`;
  label.dataset.side = side;
}

/**
 * Names an icon button on hover (after a pause) and on keyboard focus, and goes away on Escape,
 * a press, or the pointer or focus leaving. The button keeps its own `aria-label` (a tooltip is not
 * reliably read, and never on touch): the label only shows the same words, hidden from assistive
 * technology so they are not read twice. No positioning library: the label is placed when it
 * appears (see `place`). Rendered in place rather than portalled, so the theme tokens of the
 * surrounding Parley element apply.
 */
export function IconTooltip({ label, children }: { label: string; children: React.ReactElement }) {
  const [open, setOpen] = React.useState(false);
  const triggerRef = React.useRef<HTMLElement>(null);
  const labelRef = React.useRef<HTMLSpanElement>(null);
  const timer = React.useRef<ReturnType<typeof setTimeout>>(undefined);
  const pressed = React.useRef(false);
  const later = (next: boolean, ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(next), ms);
  };
  const now = (next: boolean) => {
    clearTimeout(timer.current);
    setOpen(next);
  };

  React.useEffect(() => () => clearTimeout(timer.current), []);
  // Placed on every render while shown: the label may change under it (Send turns into Stop).
  React.useLayoutEffect(() => {
    if (open && triggerRef.current && labelRef.current) place(triggerRef.current, labelRef.current);
  });
  React.useEffect(() => {
    if (!open) return;
    const update = () => {
      if (triggerRef.current && labelRef.current) place(triggerRef.current, labelRef.current);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // As a dismissable layer does: this Escape closes the label and nothing else.
      event.preventDefault();
      clearTimeout(timer.current);
      setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open]);

  return (
    <>
      <Slot.Root
        ref={triggerRef}
        onPointerEnter={(event: React.PointerEvent) => {
          if (event.pointerType !== 'touch') later(true, open ? 0 : TOOLTIP_DELAY_MS);
        }}
        onPointerLeave={() => later(false, LEAVE_GRACE_MS)}
        onPointerDown={() => {
          now(false);
          pressed.current = true;
          document.addEventListener('pointerup', () => (pressed.current = false), { once: true });
        }}
        onFocus={(event: React.FocusEvent<HTMLElement>) => {
          // Keyboard focus, not the focus a click gives.
          if (!pressed.current && event.currentTarget.matches(':focus-visible')) now(true);
        }}
        onBlur={() => now(false)}
      >
        {children}
      </Slot.Root>
      {open ? (
        <span
          ref={labelRef}
          data-slot="tooltip"
          aria-hidden="true"
          style={{ position: 'fixed' }}
          onPointerEnter={() => clearTimeout(timer.current)}
          onPointerLeave={() => later(false, LEAVE_GRACE_MS)}
        >
          {label}
        </span>
      ) : null}
    </>
  );
}
