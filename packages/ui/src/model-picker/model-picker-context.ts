'use client';
/** What `ModelPicker.Root` shares with its parts: the catalogue, the choice, the search and the active option. */
import type { Model } from '@parley/client';
import * as React from 'react';
import type { ModelCapability, ModelRow, ModelVariant } from './model-facts.ts';

/** Where the catalogue is: still loading, failed, or here. */
export type ModelPickerStatus = 'loading' | 'error' | 'ready';

export interface ModelPickerContextValue {
  models: readonly Model[];
  status: ModelPickerStatus;
  error: string | undefined;
  onRetry: (() => void) | undefined;
  /** The chosen ids, model first, then fallbacks. */
  value: string[];
  setValue: (value: string[]) => void;
  mode: 'single' | 'chain';
  query: string;
  setQuery: (query: string) => void;
  capabilities: ModelCapability[];
  setCapabilities: (capabilities: ModelCapability[]) => void;
  variant: ModelVariant;
  setVariant: (variant: ModelVariant) => void;
  rows: ModelRow[];
  matchCount: number;
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  choose: (model: Model) => void;
  listId: string;
  optionId: (index: number) => string;
  findModel: (id: string) => Model | undefined;
}

export const ModelPickerContext = React.createContext<ModelPickerContextValue | undefined>(undefined);

/** The picker around a part; parts outside a `ModelPicker.Root` throw to say so. */
export function useModelPicker(): ModelPickerContextValue {
  const context = React.useContext(ModelPickerContext);
  if (!context) throw new Error('ModelPicker parts must be rendered inside <ModelPicker.Root>.');
  return context;
}
