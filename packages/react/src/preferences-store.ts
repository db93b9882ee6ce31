/**
 * What the person chose for the next request: the model (or an ordered fallback chain), provider
 * routing preferences, generation parameters and named presets. A zustand vanilla store, made per
 * `PreferencesProvider` (never a module singleton), so two chats on one page and every test start
 * clean (pmndrs/zustand `docs/learn/guides/initialize-state-with-props.md`).
 */
import type { ChatCompletionParams, Model, ProviderPreferences } from '@parley/client';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** The generation fields of the spec's request that the parameters panel sets. */
export type GenerationParams = Partial<
  Pick<
    ChatCompletionParams,
    | 'temperature'
    | 'top_p'
    | 'max_tokens'
    | 'max_completion_tokens'
    | 'seed'
    | 'stop'
    | 'frequency_penalty'
    | 'presence_penalty'
    | 'logit_bias'
    | 'reasoning'
    | 'tool_choice'
    | 'route'
    | 'user'
    | 'session_id'
    | 'response_format'
    | 'logprobs'
    | 'top_logprobs'
    | 'plugins'
  >
>;

/** A named set of parameters and provider preferences. */
export interface ChatPreset {
  name: string;
  params: GenerationParams;
  provider: ProviderPreferences;
}

/** The chosen model, routing and parameters, as data. */
export interface ChatPreferencesState {
  /** The model first, then its fallbacks in order; ids may carry a `:nitro` or `:floor` variant. Empty: the chat's own model. */
  chain: string[];
  /** What the catalogue says about `chain[0]` (modalities, supported parameters), when known. */
  selectedModel: Model | undefined;
  /** Only the fields the person set: exactly the spec's `provider` object. */
  provider: ProviderPreferences;
  /** Only the fields the person set. */
  params: GenerationParams;
  presets: ChatPreset[];
}

/** What a person can do with the preferences. */
export interface ChatPreferencesActions {
  /** One model (drops the fallback chain); pass the catalogue entry so modalities and parameters are known. */
  selectModel(model: Model | string): void;
  /** The whole chain, model first. */
  setChain(chain: string[]): void;
  /** The catalogue entry of `chain[0]` (a picker fed by `useModels` calls it once the list arrives). */
  setSelectedModel(model: Model | undefined): void;
  setProvider(provider: ProviderPreferences): void;
  setParams(params: GenerationParams): void;
  /** Back to the chat's defaults: no parameters set. */
  resetParams(): void;
  /** Saves the current parameters and provider preferences under `name` (replacing one of that name). */
  savePreset(name: string): void;
  applyPreset(name: string): void;
  deletePreset(name: string): void;
}

/** The preferences and what a person can do with them: a preferences store's state. */
export type ChatPreferences = ChatPreferencesState & ChatPreferencesActions;
/** A preferences store: `getState()`, `setState()`, `subscribe()`. */
export type PreferencesStore = StoreApi<ChatPreferences>;

/** The model id without its variant (`parley/echo:nitro` is `parley/echo`). */
export function baseModelId(id: string): string {
  const colon = id.indexOf(':');
  return colon === -1 ? id : id.slice(0, colon);
}

/**
 * A preferences store, starting from `initial` (a model, a chain, parameters, presets).
 *
 * @example
 * ```ts
 * const preferences = createPreferencesStore({ chain: ['parley/echo'] });
 * preferences.getState().setParams({ temperature: 0.2 });
 * toRequestParams(preferences.getState()); // { model: 'parley/echo', temperature: 0.2 }
 * ```
 */
export function createPreferencesStore(initial: Partial<ChatPreferencesState> = {}): PreferencesStore {
  return createStore<ChatPreferences>()((set, get) => ({
    chain: initial.chain ?? [],
    selectedModel: initial.selectedModel,
    provider: initial.provider ?? {},
    params: initial.params ?? {},
    presets: initial.presets ?? [],
    selectModel: (model) =>
      typeof model === 'string'
        ? set({ chain: [model], selectedModel: undefined })
        : set({ chain: [model.id], selectedModel: model }),
    setChain: (chain) => {
      const first = chain[0];
      const known = get().selectedModel;
      const keep = known && first !== undefined && baseModelId(first) === known.id;
      set({ chain: [...chain], selectedModel: keep ? known : undefined });
    },
    setSelectedModel: (model) => set({ selectedModel: model }),
    setProvider: (provider) => set({ provider }),
    setParams: (params) => set({ params }),
    resetParams: () => set({ params: {} }),
    savePreset: (name) => {
      const { params, provider, presets } = get();
      const preset = { name, params, provider };
      set({ presets: [...presets.filter((item) => item.name !== name), preset] });
    },
    applyPreset: (name) => {
      const preset = get().presets.find((item) => item.name === name);
      if (preset) set({ params: preset.params, provider: preset.provider });
    },
    deletePreset: (name) => set({ presets: get().presets.filter((item) => item.name !== name) }),
  }));
}

/** The request fields the preferences imply: `model`, `models` (the fallbacks), `provider` and the parameters set. */
export function toRequestParams(state: ChatPreferencesState): Partial<ChatCompletionParams> {
  const request: Partial<ChatCompletionParams> = { ...state.params };
  const [model, ...fallbacks] = state.chain;
  if (model !== undefined) request.model = model;
  if (fallbacks.length > 0) request.models = fallbacks;
  if (Object.keys(state.provider).length > 0) request.provider = state.provider;
  return request;
}
