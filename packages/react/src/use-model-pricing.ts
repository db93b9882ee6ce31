'use client';
/**
 * The prices a reply was served at, for estimating its cost when the server did not report one
 * (`usage.cost`): the serving provider's endpoint prices when the reply names its provider, else
 * the model's list price. Read from the same react-query cache as `useModels` and
 * `useModelEndpoints`, so a conversation of many replies asks the server once per model.
 */
import type { Model, ModelEndpoints, ModelPricing, ParleyClient } from '@parley/client';
import { QueryClient, QueryClientContext, skipToken, useQuery } from '@tanstack/react-query';
import { useContext } from 'react';
import { modelEndpointsQueryOptions, modelsQueryOptions, queryKeys } from './models.ts';
import { useOptionalParleyClient } from './parley-provider.tsx';
import { baseModelId } from './preferences-store.ts';

/** Prices found for a served model, and whose they are. */
export interface ServedPricing {
  pricing: ModelPricing;
  /** The provider whose endpoint prices these are (`Lyrebird`), or the model id for its list price. */
  source: string;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) === 0;
}

/**
 * The prices of `modelId` as served by `provider`: that provider's endpoint, when the endpoints
 * list it; otherwise the model's own (matched by id, canonical slug, or id without its `:variant`).
 */
export function findServedPricing(
  modelId: string,
  provider: string | undefined,
  models: readonly Model[] | undefined,
  endpoints: ModelEndpoints['data'] | undefined,
): ServedPricing | undefined {
  if (provider !== undefined) {
    const endpoint = endpoints?.endpoints.find(
      (candidate) =>
        sameName(candidate.provider_name, provider) ||
        (candidate.tag !== undefined && sameName(candidate.tag, provider)),
    );
    if (endpoint) return { pricing: endpoint.pricing, source: endpoint.provider_name };
  }
  const base = baseModelId(modelId);
  const model =
    models?.find((candidate) => candidate.id === modelId || candidate.canonical_slug === modelId) ??
    models?.find((candidate) => candidate.id === base);
  return model ? { pricing: model.pricing, source: model.id } : undefined;
}

let idle: QueryClient | undefined;
/**
 * Without a react-query cache above there is nothing to look up with, yet the hooks must still be
 * called (rules of hooks). They stay disabled (`skipToken`), so one shared cache that never fetches
 * serves every such caller on the page, instead of a cache per message row.
 */
function idleQueryClient(): QueryClient {
  idle ??= new QueryClient();
  return idle;
}

/** Options of {@link useModelPricing}. */
export interface UseModelPricingOptions {
  /** The provider that served the reply (`message.provider`): its endpoint's prices win. */
  provider?: string | undefined;
  /** Default: the client of the nearest `ParleyProvider`; without either, nothing is looked up. */
  client?: ParleyClient | undefined;
  /** Look up only when a price is needed (a reply whose usage has no `cost`). Default true. */
  enabled?: boolean | undefined;
}

/**
 * The prices `modelId` was served at, from the models list and the model's endpoints (cached), or
 * `undefined` while loading, when nothing matches, or without a client. Unlike `useModels`, it
 * works outside a `ParleyProvider` too (and finds nothing there), so a message list can ask for
 * every reply.
 *
 * @example
 * ```tsx
 * const served = useModelPricing(message.model, {
 *   provider: message.provider,
 *   enabled: message.usage !== undefined && message.usage.cost === undefined,
 * });
 * return <UsageMeter.Root usage={message.usage} pricing={served?.pricing} />;
 * ```
 */
export function useModelPricing(
  modelId: string | undefined,
  options: UseModelPricingOptions = {},
): ServedPricing | undefined {
  const fromContext = useOptionalParleyClient();
  const client = options.client ?? fromContext;
  const queryClient = useContext(QueryClientContext) ?? idleQueryClient();
  const active = (options.enabled ?? true) && client !== undefined && modelId !== undefined;
  const provider = options.provider;
  const models = useQuery(
    client && active
      ? modelsQueryOptions(client)
      : { queryKey: queryKeys.models(), queryFn: skipToken as typeof skipToken },
    queryClient,
  );
  const endpointsId = modelId === undefined ? '' : baseModelId(modelId);
  const endpoints = useQuery(
    client && active && provider !== undefined
      ? modelEndpointsQueryOptions(client, endpointsId)
      : { queryKey: queryKeys.modelEndpoints(endpointsId), queryFn: skipToken as typeof skipToken },
    queryClient,
  );
  if (!active || modelId === undefined) return undefined;
  // The endpoints decide once they are known; until then (or if they fail) the list price stands in.
  return findServedPricing(modelId, provider, models.data, endpoints.data);
}
