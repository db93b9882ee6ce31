export type { EndpointExplorerProps } from './endpoint-explorer.tsx';
export { EndpointExplorer as Endpoints } from './endpoint-explorer.tsx';
export type { ProviderPrefsRootProps } from './provider-prefs.tsx';
export {
  ProviderPrefsLimits as Limits,
  ProviderPrefsPolicies as Policies,
  ProviderPrefsProviders as Providers,
  ProviderPrefsRoot as Root,
  ProviderPrefsSort as Sort,
  ProviderPrefsSummary as Summary,
} from './provider-prefs.tsx';
