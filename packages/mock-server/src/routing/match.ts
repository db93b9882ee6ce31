import type { ModelEndpoint } from '@parley/client';

/** Whether a provider name from `order`, `only` or `ignore` names this endpoint (by name, slug or tag, any case). */
export function matchesProvider(endpoint: ModelEndpoint, name: string): boolean {
  const wanted = name.toLowerCase();
  return (
    endpoint.provider_name.toLowerCase() === wanted ||
    endpoint.tag?.toLowerCase() === wanted ||
    endpoint.tag?.split('/')[0]?.toLowerCase() === wanted
  );
}
