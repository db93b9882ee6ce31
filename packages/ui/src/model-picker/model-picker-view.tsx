'use client';
import type * as React from 'react';
import { ModelPickerChain } from './model-chain.tsx';
import {
  ModelPickerContent,
  ModelPickerFilters,
  ModelPickerRoot,
  type ModelPickerRootProps,
  ModelPickerSearch,
  ModelPickerTrigger,
  ModelPickerVariant,
} from './model-picker.tsx';
import { ModelPickerList } from './model-picker-list.tsx';

export interface ModelPickerViewProps
  extends ModelPickerRootProps,
    Omit<React.ComponentProps<'div'>, 'children' | 'defaultValue'> {}

/**
 * The picker assembled: a trigger naming the choice, a popover with search, capability filters,
 * the routing variant and the grouped list, and (with `mode="chain"`) the ordered fallbacks.
 *
 * @example
 * const { data = [], status, error, refetch } = useModels();
 * <ModelPickerView models={data} status={status === 'pending' ? 'loading' : status === 'error' ? 'error' : 'ready'}
 *   error={error?.message} onRetry={refetch} value={chain} onValueChange={setChain} mode="chain" />
 */
export function ModelPickerView({
  models,
  status,
  error,
  onRetry,
  value,
  defaultValue,
  onValueChange,
  mode,
  open,
  defaultOpen,
  onOpenChange,
  ...props
}: ModelPickerViewProps) {
  const root: ModelPickerRootProps = { models };
  // Only the props given, so the parts stay uncontrolled unless the caller controls them.
  Object.assign(
    root,
    Object.fromEntries(
      Object.entries({
        status,
        error,
        onRetry,
        value,
        defaultValue,
        onValueChange,
        mode,
        open,
        defaultOpen,
        onOpenChange,
      }).filter(([, given]) => given !== undefined),
    ),
  );
  return (
    <div data-slot="model-picker" data-mode={mode ?? 'single'} {...props}>
      <ModelPickerRoot {...root}>
        <ModelPickerTrigger />
        <ModelPickerContent>
          <ModelPickerSearch />
          <ModelPickerFilters />
          <ModelPickerVariant />
          <ModelPickerList />
        </ModelPickerContent>
        {mode === 'chain' ? <ModelPickerChain /> : null}
      </ModelPickerRoot>
    </div>
  );
}
