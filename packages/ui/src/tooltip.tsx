/** @jsxImportSource ./jsx */
'use client';
import * as React from 'react';
import { slotClass } from './jsx/jsx-runtime.ts';

// Long enough that passing the pointer over a row of icons does not flash every label.
const TOOLTIP_DELAY_MS = 400;
// Time to cross from the button to its label without the label going away.
const LEAVE_GRACE_MS = 100;
const GAP_PX = 6;
const EDGE_PX = 8;
// Where the button keeps its label's words: read when the label shows, and while it is shown (Send
// turns into Stop). Not `data-tooltip`, which apps use for CSS-only tooltips (the demo does).
const LABEL_ATTRIBUTE = 'data-tooltip-label';

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

/* -------------------------------------------------------------------------------------------------
 * The one label on the page
 * -----------------------------------------------------------------------------------------------*/

interface Shown {
  trigger: HTMLElement;
  label: HTMLSpanElement;
  /** The button's box when the label was last placed, to place it again when the button moves. */
  box: string;
  view: Window;
  frame: number;
}

let shown: Shown | null = null;
// One pending change: show this button's label (an element) or hide (null) when the timer fires.
let timer: ReturnType<typeof setTimeout> | undefined;
let due: HTMLElement | null | undefined;
// Between a press and its release: the focus a press gives shows no label.
let pressed = false;

function cancel() {
  clearTimeout(timer);
  timer = undefined;
  due = undefined;
}

function schedule(target: HTMLElement | null, ms: number) {
  cancel();
  due = target;
  timer = setTimeout(() => (target ? show(target) : hide()), ms);
}

const boxOf = (element: Element) => {
  const { top, left, width, height } = element.getBoundingClientRect();
  return `${top} ${left} ${width} ${height}`;
};

const reposition = () => {
  if (!shown) return;
  place(shown.trigger, shown.label);
  shown.box = boxOf(shown.trigger);
};

const onKeyDown = (event: KeyboardEvent) => {
  if (event.key !== 'Escape') return;
  // As a dismissable layer does: this Escape closes the label and nothing else.
  event.preventDefault();
  hide();
};

/**
 * Keeps the shown label in step with its button, once a frame and only while shown: gone with the
 * button (React removes the button, not the label it does not know about), next to it if it moved,
 * showing the button's current words, placed where the button now is.
 */
function follow() {
  if (!shown) return;
  const { trigger, label } = shown;
  const words = trigger.isConnected ? trigger.getAttribute(LABEL_ATTRIBUTE) : null;
  if (!words) {
    // Only this label: the pointer may already be waiting on the next button, whose label is due.
    removeShown();
    return;
  }
  if (trigger.nextSibling !== label) trigger.after(label);
  if (label.textContent !== words) {
    label.textContent = words;
    reposition();
  } else if (boxOf(trigger) !== shown.box) reposition();
  shown.frame = shown.view.requestAnimationFrame(follow);
}

function show(trigger: HTMLElement) {
  cancel();
  if (shown?.trigger === trigger) return;
  hide();
  const words = trigger.getAttribute(LABEL_ATTRIBUTE);
  if (!trigger.isConnected || !words) return;
  const page = trigger.ownerDocument;
  const view = page.defaultView ?? window;
  const label = page.createElement('span');
  label.dataset.slot = 'tooltip';
  label.className = slotClass('tooltip');
  label.setAttribute('aria-hidden', 'true');
  label.style.position = 'fixed';
  label.textContent = words;
  label.addEventListener('pointerenter', () => {
    if (due === null) cancel();
  });
  label.addEventListener('pointerleave', () => schedule(null, LEAVE_GRACE_MS));
  // Next to its button, inside the same Parley element, so its theme tokens apply. React inserts,
  // moves and removes its own nodes by reference, so one node of ours among them is safe.
  trigger.after(label);
  shown = { trigger, label, box: '', view, frame: view.requestAnimationFrame(follow) };
  reposition();
  page.addEventListener('keydown', onKeyDown, true);
  view.addEventListener('scroll', reposition, true);
  view.addEventListener('resize', reposition);
}

function hide() {
  cancel();
  removeShown();
}

/** Takes the shown label away, leaving a label that is due to show. */
function removeShown() {
  if (!shown) return;
  const { label, view, frame } = shown;
  const page = label.ownerDocument;
  shown = null;
  view.cancelAnimationFrame(frame);
  label.remove();
  page.removeEventListener('keydown', onKeyDown, true);
  view.removeEventListener('scroll', reposition, true);
  view.removeEventListener('resize', reposition);
}

/* -------------------------------------------------------------------------------------------------
 * The button's handlers: the same functions for every button, no state of their own
 * -----------------------------------------------------------------------------------------------*/

const release = () => {
  pressed = false;
};

const HANDLERS = {
  onPointerEnter(event: React.PointerEvent<HTMLElement>) {
    if (event.pointerType === 'touch') return;
    const trigger = event.currentTarget;
    if (shown?.trigger === trigger) {
      cancel();
      return;
    }
    // Leaving one button for another: its label goes now, the next one's comes after the pause.
    if (shown && due === null) hide();
    schedule(trigger, TOOLTIP_DELAY_MS);
  },
  onPointerLeave(event: React.PointerEvent<HTMLElement>) {
    if (due === event.currentTarget) cancel();
    if (shown?.trigger === event.currentTarget) schedule(null, LEAVE_GRACE_MS);
  },
  onPointerDown(event: React.PointerEvent<HTMLElement>) {
    hide();
    pressed = true;
    const page = event.currentTarget.ownerDocument;
    page.addEventListener('pointerup', release, { once: true, capture: true });
    page.addEventListener('pointercancel', release, { once: true, capture: true });
  },
  onFocus(event: React.FocusEvent<HTMLElement>) {
    // Keyboard focus, not the focus a click gives.
    if (!pressed && event.currentTarget.matches(':focus-visible')) show(event.currentTarget);
  },
  onBlur(event: React.FocusEvent<HTMLElement>) {
    if (due === event.currentTarget) cancel();
    if (shown?.trigger === event.currentTarget) hide();
  },
};

type Handler = (event: React.SyntheticEvent<HTMLElement>) => void;
const HANDLER_ENTRIES = Object.entries(HANDLERS) as [string, Handler][];

/**
 * Names an icon button on hover (after a pause) and on keyboard focus, and goes away on Escape,
 * a press, or the pointer or focus leaving. The button keeps its own `aria-label` (a tooltip is not
 * reliably read, and never on touch): the label only shows the same words, hidden from assistive
 * technology so they are not read twice. No positioning library: the label is placed when it
 * appears (see `place`). Inserted next to the button rather than portalled, so the theme tokens of
 * the surrounding Parley element apply.
 *
 * Costs next to nothing until a label shows: no hooks, no state, no effects, no wrapper element;
 * the button gets its words as an attribute and handlers shared by every button. The one label on
 * the page is created when it shows and removed when it hides.
 */
export function IconTooltip({ label, children }: { label: string; children: React.ReactElement }) {
  return withTooltip(label, children);
}

/**
 * `IconTooltip` as a function: the button itself, given its label's words and handlers, with no component
 * around it (a conversation's rows have several buttons each).
 */
export function withTooltip(label: string, children: React.ReactElement): React.ReactElement {
  const own = children.props as Record<string, unknown>;
  const props: Record<string, unknown> = { [LABEL_ATTRIBUTE]: label };
  for (const [name, handler] of HANDLER_ENTRIES) {
    const theirs = own[name];
    // The button's own handler first, as radix's Slot merges them.
    props[name] =
      typeof theirs === 'function'
        ? (event: React.SyntheticEvent<HTMLElement>) => {
            theirs(event);
            handler(event);
          }
        : handler;
  }
  return React.cloneElement(children as React.ReactElement<Record<string, unknown>>, props);
}
