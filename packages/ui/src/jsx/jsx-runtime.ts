// Parley's parts name themselves twice: `data-slot="message-body"`, the documented hook for styling and
// queries, and the class `parley-message-body`, which the default theme selects. Chromium files every
// `[data-slot="..."]` rule under the attribute's name and tries all of them (about 300 in the theme) on
// each element that has the attribute, whatever its value; a class is only tried by its own rules. Inserting
// a conversation's rows takes about a quarter less time by class (bench/README, "Tenth session").
//
// Every file in this package that renders a part compiles its JSX through this runtime
// (`/** @jsxImportSource ../jsx */`): an element given a `data-slot` gets its class beside any
// `className` it was given, a user's included, so no component can forget it or drop a user's class.
import type * as React from 'react';
import { Fragment, jsx as reactJsx, jsxs as reactJsxs } from 'react/jsx-runtime';

export type { JSX } from 'react/jsx-runtime';
export { Fragment };

type Props = Record<string, unknown> & { className?: unknown };

/** The class the default theme selects the part `slot` by. */
export const slotClass = (slot: string): string => `parley-${slot}`;

/** The props with the class of the part they name, if any, added to their `className`. */
export function withSlotClass<P>(props: P): P {
  const slot = (props as Props | null)?.['data-slot'];
  if (typeof slot !== 'string' || slot === '') return props;
  const { className } = props as Props;
  const own = slotClass(slot);
  return {
    ...props,
    className: typeof className === 'string' && className !== '' ? `${own} ${className}` : own,
  };
}

export function jsx(type: React.ElementType, props: unknown, key?: React.Key): React.ReactElement {
  return reactJsx(type, withSlotClass(props), key);
}

export function jsxs(type: React.ElementType, props: unknown, key?: React.Key): React.ReactElement {
  return reactJsxs(type, withSlotClass(props), key);
}
