'use client';
/**
 * `PreferencesProvider` shares one preferences store (model, routing, parameters, presets) with the
 * pickers and panels below it, and with every chat below it: `useChatCompletion`, `ChatProvider`
 * and `<Chat>` send what it holds on their next request.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useStore } from 'zustand';
import {
  type ChatPreferences,
  type ChatPreferencesState,
  createPreferencesStore,
  type PreferencesStore,
} from './preferences-store.ts';

const PreferencesContext = createContext<PreferencesStore | undefined>(undefined);

/** Props of {@link PreferencesProvider}: a store made elsewhere, or where a new one starts. */
export interface PreferencesProviderProps {
  store?: PreferencesStore | undefined;
  /** The first state of the provider's own store (read once, as `useState` reads its initial value). */
  initial?: Partial<ChatPreferencesState> | undefined;
  children?: ReactNode | undefined;
}

/**
 * Provides a preferences store to the components and chats below it.
 *
 * @example
 * ```tsx
 * <PreferencesProvider initial={{ chain: ['parley/echo'] }}>
 *   <ChatModelPicker />
 *   <Chat options={{ baseURL: '/api/v1' }} />
 * </PreferencesProvider>
 * ```
 */
export function PreferencesProvider({ store, initial, children }: PreferencesProviderProps) {
  const [own] = useState(() => (store ? undefined : createPreferencesStore(initial)));
  return <PreferencesContext.Provider value={store ?? own}>{children}</PreferencesContext.Provider>;
}

/** The store of the nearest {@link PreferencesProvider}, or `undefined` outside one. */
export function useOptionalPreferencesStore(): PreferencesStore | undefined {
  return useContext(PreferencesContext);
}

/**
 * The preferences store given, else the nearest {@link PreferencesProvider}'s.
 *
 * @throws {Error} when there is neither.
 * @example
 * ```tsx
 * const preferences = usePreferencesStore();
 * preferences.getState().selectModel('parley/reasoner');
 * ```
 */
export function usePreferencesStore(store?: PreferencesStore): PreferencesStore {
  const fromContext = useContext(PreferencesContext);
  const resolved = store ?? fromContext;
  if (!resolved) {
    throw new Error('No preferences store: pass one or render this inside a <PreferencesProvider>.');
  }
  return resolved;
}

/**
 * A slice of the preferences, re-rendering only when it changes.
 *
 * @example
 * ```tsx
 * const chain = usePreferences((state) => state.chain);
 * ```
 */
export function usePreferences<T>(selector: (state: ChatPreferences) => T, store?: PreferencesStore): T {
  return useStore(usePreferencesStore(store), selector);
}
