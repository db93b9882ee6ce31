// The development build's entry of the runtime in ./jsx-runtime.ts (what compilers import in development).
import type * as React from 'react';
import { jsxDEV as reactJsxDEV } from 'react/jsx-dev-runtime';
import { withSlotClass } from './jsx-runtime.ts';

export type { JSX } from 'react/jsx-dev-runtime';
export { Fragment } from 'react/jsx-dev-runtime';

export function jsxDEV(
  type: React.ElementType,
  props: unknown,
  key: React.Key | undefined,
  isStatic: boolean,
  source?: unknown,
  self?: unknown,
): React.ReactElement {
  return reactJsxDEV(type, withSlotClass(props), key, isStatic, source as never, self);
}
