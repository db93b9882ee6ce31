/** @jsxImportSource ../jsx */
'use client';
/**
 * The model picker, provider preferences and parameters panel wired to the nearest
 * `PreferencesProvider` (which `Chat.Root` provides when there is none above it), so what the
 * person sets is what the chat's next request sends. The catalogue and the endpoints come from
 * `useModels` / `useModelEndpoints` through the nearest `ParleyProvider`, or from props.
 */
import type { Model, ModelEndpoint, ParleyClient } from '@parley/client';
import {
  baseModelId,
  type GenerationParams,
  type PreferencesStore,
  useModelEndpoints,
  useModels,
  usePreferences,
  usePreferencesStore,
} from '@parley/react';
import * as React from 'react';
import { ModelPickerRoot, type ModelPickerRootProps } from '../model-picker/model-picker.tsx';
import { ParametersPanelRoot, type ParametersPanelRootProps } from '../parameters-panel/parameters-panel.tsx';
import { ProviderPrefsRoot, type ProviderPrefsRootProps } from '../provider-prefs/provider-prefs.tsx';

type QueryState = { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };

function statusOf(query: QueryState): 'loading' | 'error' | 'ready' {
  return query.isPending ? 'loading' : query.isError ? 'error' : 'ready';
}

/** Keeps the preferences' `selectedModel` (modalities, supported parameters) in step with `chain[0]`. */
function useSelectedModelSync(preferences: PreferencesStore, models: readonly Model[]) {
  const first = usePreferences((state) => state.chain[0], preferences);
  const selected = usePreferences((state) => state.selectedModel, preferences);
  React.useEffect(() => {
    const id = first === undefined ? undefined : baseModelId(first);
    if (selected?.id === id) return;
    const found = models.find((model) => model.id === id);
    if (found || id === undefined) preferences.getState().setSelectedModel(found);
  }, [first, selected, models, preferences]);
}

/* -------------------------------------------------------------------------------------------------
 * ModelPicker
 * -----------------------------------------------------------------------------------------------*/

export interface ChatModelPickerProps
  extends Omit<ModelPickerRootProps, 'models' | 'value' | 'defaultValue' | 'onValueChange' | 'status'> {
  /** A static catalogue; without it, `useModels()` (a `ParleyProvider` or `client` is needed). */
  models?: readonly Model[];
  client?: ParleyClient;
  /** Default: the nearest `PreferencesProvider`'s. */
  preferences?: PreferencesStore;
}

function PickerOnPreferences({
  models,
  preferences: preferencesProp,
  ...props
}: Omit<ChatModelPickerProps, 'client'> &
  Pick<ModelPickerRootProps, 'status'> & { models: readonly Model[] }) {
  const preferences = usePreferencesStore(preferencesProp);
  const chain = usePreferences((state) => state.chain, preferences);
  useSelectedModelSync(preferences, models);
  return (
    <ModelPickerRoot
      models={models}
      value={chain}
      onValueChange={(next) => preferences.getState().setChain(next)}
      {...props}
    />
  );
}

function PickerFromCatalogue({ client, ...props }: ChatModelPickerProps) {
  const query = useModels(client ? { client } : {});
  return (
    <PickerOnPreferences
      models={query.data ?? []}
      status={statusOf(query)}
      error={query.error?.message}
      onRetry={() => void query.refetch()}
      {...props}
    />
  );
}

/**
 * The model picker on the chat's preferences: choosing a model (or a fallback chain) changes
 * what the next message uses, and the composer offers only what the model takes in.
 *
 * @example
 * <ParleyProvider baseURL="/api/v1">
 *   <Chat.Root options={{ model: 'parley/echo' }}>
 *     <Chat.ModelPicker mode="chain" />
 *     <Chat.Messages />
 *     <Chat.Composer />
 *   </Chat.Root>
 * </ParleyProvider>
 */
export function ChatModelPicker({ models, ...props }: ChatModelPickerProps) {
  return models ? <PickerOnPreferences models={models} {...props} /> : <PickerFromCatalogue {...props} />;
}

/* -------------------------------------------------------------------------------------------------
 * ProviderPrefs
 * -----------------------------------------------------------------------------------------------*/

export interface ChatProviderPrefsProps
  extends Omit<ProviderPrefsRootProps, 'value' | 'defaultValue' | 'onValueChange' | 'endpoints'> {
  /** The model's endpoints; without them, `useModelEndpoints(chosen model)` (a `ParleyProvider` or `client` is needed). */
  endpoints?: readonly ModelEndpoint[];
  client?: ParleyClient;
  preferences?: PreferencesStore;
}

function PrefsOnPreferences({
  preferences: preferencesProp,
  ...props
}: Omit<ChatProviderPrefsProps, 'client'>) {
  const preferences = usePreferencesStore(preferencesProp);
  const provider = usePreferences((state) => state.provider, preferences);
  return (
    <ProviderPrefsRoot
      value={provider}
      onValueChange={(next) => preferences.getState().setProvider(next)}
      {...props}
    />
  );
}

function PrefsFromEndpoints({ client, ...props }: ChatProviderPrefsProps) {
  const first = usePreferences((state) => state.chain[0], props.preferences);
  const query = useModelEndpoints(
    first === undefined ? undefined : baseModelId(first),
    client ? { client } : {},
  );
  if (first === undefined) return <PrefsOnPreferences {...props} />;
  return (
    <PrefsOnPreferences
      endpoints={query.data?.endpoints ?? []}
      endpointsStatus={statusOf(query)}
      endpointsError={query.error?.message}
      {...props}
    />
  );
}

/**
 * Provider routing preferences on the chat's preferences, with the chosen model's endpoints.
 *
 * @example
 * <Chat.ProviderPrefs />
 */
export function ChatProviderPrefs({ endpoints, ...props }: ChatProviderPrefsProps) {
  return endpoints ? (
    <PrefsOnPreferences endpoints={endpoints} {...props} />
  ) : (
    <PrefsFromEndpoints {...props} />
  );
}

/* -------------------------------------------------------------------------------------------------
 * ParametersPanel
 * -----------------------------------------------------------------------------------------------*/

export interface ChatParametersPanelProps
  extends Omit<
    ParametersPanelRootProps,
    'value' | 'defaultValue' | 'onValueChange' | 'supportedParameters' | 'modelName' | 'presetsProps'
  > {
  preferences?: PreferencesStore;
}

/**
 * The generation parameters on the chat's preferences: fields the chosen model does not support
 * are off, reset empties them, presets are saved in the preferences.
 *
 * @example
 * <Chat.ParametersPanel />
 */
export function ChatParametersPanel({ preferences: preferencesProp, ...props }: ChatParametersPanelProps) {
  const preferences = usePreferencesStore(preferencesProp);
  const params = usePreferences((state) => state.params, preferences);
  const model = usePreferences((state) => state.selectedModel, preferences);
  const presets = usePreferences((state) => state.presets, preferences);
  const actions = preferences.getState();
  return (
    <ParametersPanelRoot
      value={params}
      onValueChange={(next) => actions.setParams(next as GenerationParams)}
      supportedParameters={model?.supported_parameters}
      modelName={model?.name}
      presetsProps={{
        presets: presets.map((preset) => preset.name),
        onSavePreset: actions.savePreset,
        onApplyPreset: actions.applyPreset,
        onDeletePreset: actions.deletePreset,
        onReset: actions.resetParams,
      }}
      {...props}
    />
  );
}
