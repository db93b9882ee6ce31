'use client';
/**
 * Models and their providers through react-query: the fetch lives in the client, the query
 * options are exported for prefetching and cache access, and every key comes from `queryKeys`.
 */
import type { Modality, Model, ModelEndpoints, ParleyClient } from '@parley/client';
import { queryOptions, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useOptionalParleyClient } from './parley-provider.tsx';

// The model list changes a few times a day; refetching it every few minutes is plenty.
const MODELS_STALE_MS = 5 * 60_000;
// Provider status and latency move faster than the list.
const ENDPOINTS_STALE_MS = 60_000;

const clientIds = new WeakMap<ParleyClient, number>();
let nextClientId = 0;
/** A number per client instance, so two clients (two base URLs) never share cache entries. */
function clientKey(client: ParleyClient): number {
  let id = clientIds.get(client);
  if (id === undefined) {
    nextClientId += 1;
    id = nextClientId;
    clientIds.set(client, id);
  }
  return id;
}

/**
 * Every query key Parley uses. Without a client, a key is a prefix that matches every client's
 * entries, for `invalidateQueries`.
 */
export const queryKeys = {
  all: ['parley'] as const,
  models: (client?: ParleyClient) =>
    client ? (['parley', 'models', clientKey(client)] as const) : (['parley', 'models'] as const),
  modelEndpoints: (modelId?: string, client?: ParleyClient) =>
    modelId === undefined
      ? (['parley', 'model-endpoints'] as const)
      : client
        ? (['parley', 'model-endpoints', modelId, clientKey(client)] as const)
        : (['parley', 'model-endpoints', modelId] as const),
};

/** Query options for `GET /models`: the list of models. */
export function modelsQueryOptions(client: ParleyClient) {
  return queryOptions({
    queryKey: queryKeys.models(client),
    queryFn: async ({ signal }): Promise<Model[]> => (await client.models.list({ signal })).data,
    staleTime: MODELS_STALE_MS,
  });
}

/** Query options for `GET /models/{author}/{slug}/endpoints`: the providers serving one model. */
export function modelEndpointsQueryOptions(client: ParleyClient, modelId: string) {
  return queryOptions({
    queryKey: queryKeys.modelEndpoints(modelId, client),
    queryFn: async ({ signal }): Promise<ModelEndpoints['data']> =>
      (await client.models.endpoints(modelId, { signal })).data,
    staleTime: ENDPOINTS_STALE_MS,
  });
}

/** What models must offer to be listed by {@link useModels}. */
export interface ModelFilter {
  /** Every one of these input modalities (e.g. `['image']` for vision). */
  inputModalities?: Modality[] | undefined;
  outputModalities?: Modality[] | undefined;
  /** Every one of these request parameters (e.g. `['tools', 'reasoning']`). */
  supportedParameters?: string[] | undefined;
}

/** The models that accept every listed modality and parameter. */
export function filterModels(models: readonly Model[], filter: ModelFilter): Model[] {
  return models.filter(
    (model) =>
      (filter.inputModalities ?? []).every((modality) =>
        model.architecture.input_modalities.includes(modality),
      ) &&
      (filter.outputModalities ?? []).every((modality) =>
        model.architecture.output_modalities.includes(modality),
      ) &&
      (filter.supportedParameters ?? []).every((parameter) => model.supported_parameters.includes(parameter)),
  );
}

/** Options of {@link useModels}. */
export interface UseModelsOptions extends ModelFilter {
  /** Default: the client of the nearest `ParleyProvider`. */
  client?: ParleyClient | undefined;
  enabled?: boolean | undefined;
}

/**
 * The models the API offers, cached; optionally only those with given modalities or parameters.
 *
 * @example
 * ```tsx
 * const { data: models = [], isPending } = useModels({ inputModalities: ['image'] });
 * return <select>{models.map((model) => <option key={model.id}>{model.name}</option>)}</select>;
 * ```
 */
export function useModels(options: UseModelsOptions = {}): UseQueryResult<Model[]> {
  const fromContext = useParleyClientIfNeeded(options.client);
  const { inputModalities, outputModalities, supportedParameters } = options;
  const filtering = Boolean(
    inputModalities?.length || outputModalities?.length || supportedParameters?.length,
  );
  return useQuery({
    ...modelsQueryOptions(options.client ?? fromContext),
    enabled: options.enabled ?? true,
    ...(filtering
      ? {
          select: (models: Model[]) =>
            filterModels(models, { inputModalities, outputModalities, supportedParameters }),
        }
      : {}),
  });
}

/**
 * The providers serving one model (`author/slug`), with their prices, limits and health, cached.
 *
 * @example
 * ```tsx
 * const { data } = useModelEndpoints('parley/echo');
 * return <ul>{data?.endpoints.map((endpoint) => <li key={endpoint.name}>{endpoint.provider_name}</li>)}</ul>;
 * ```
 */
export function useModelEndpoints(
  modelId: string | undefined,
  options: { client?: ParleyClient | undefined; enabled?: boolean | undefined } = {},
): UseQueryResult<ModelEndpoints['data']> {
  const fromContext = useParleyClientIfNeeded(options.client);
  const client = options.client ?? fromContext;
  return useQuery({
    ...modelEndpointsQueryOptions(client, modelId ?? ''),
    enabled: (options.enabled ?? true) && Boolean(modelId),
  });
}

/** The client given to the hook, else the context's (then a `ParleyProvider` is needed). */
function useParleyClientIfNeeded(given: ParleyClient | undefined): ParleyClient {
  const fromContext = useOptionalParleyClient();
  const client = given ?? fromContext;
  if (!client) throw new Error('Pass `client` to this hook or render it inside a <ParleyProvider>.');
  return client;
}
