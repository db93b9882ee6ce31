'use client';
/** What `ProviderPrefs.Root` shares with its parts: the preferences and a setter per field. */
import type { ProviderPreferences } from '@parley/client';
import * as React from 'react';

export interface ProviderPrefsContextValue {
  value: ProviderPreferences;
  setValue: (value: ProviderPreferences) => void;
  set: <K extends keyof ProviderPreferences>(key: K, field: ProviderPreferences[K] | undefined) => void;
  /** Provider names to suggest (from the model's endpoints). */
  providerNames: string[];
}

export const ProviderPrefsContext = React.createContext<ProviderPrefsContextValue | undefined>(undefined);

/** The form around a part. */
export function useProviderPrefs(): ProviderPrefsContextValue {
  const context = React.useContext(ProviderPrefsContext);
  if (!context) throw new Error('ProviderPrefs parts must be rendered inside <ProviderPrefs.Root>.');
  return context;
}
