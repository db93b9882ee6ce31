import type { ComponentType } from 'react';
import { type OnDemand, useOnDemand } from './on-demand.ts';

/** A dialog's screen, loaded on first opening: a line, not a spinner, while it arrives. */
export function OnDemandScreen<Props extends object>({
  code,
  ...props
}: { code: OnDemand<ComponentType<Props>> } & Props) {
  const Screen = useOnDemand(code);
  return Screen ? <Screen {...(props as unknown as Props)} /> : <p className="app-hint">Loading…</p>;
}
