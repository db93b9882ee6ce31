import { defaultClientConditions, defaultServerConditions, type Plugin } from 'vite';

/**
 * Workspace packages resolve to their TypeScript sources through the `source` export condition, so tests,
 * Storybook and the dev server need no build (the other conditions point at dist/, for users). Added to
 * every environment, not only client and ssr: Vitest runs global setup in an environment of its own.
 * Any Vite config in the repository (an app under apps/) adds it to run the packages from source.
 */
export function workspaceSources(): Plugin {
  return {
    name: 'parley:workspace-sources',
    configEnvironment(name, options) {
      const own = options.resolve?.conditions;
      const consumer = options.consumer ?? (name === 'client' ? 'client' : 'server');
      const defaults = consumer === 'client' ? defaultClientConditions : defaultServerConditions;
      // Config merging concatenates arrays: add to conditions already set, or spell out Vite's defaults.
      return { resolve: { conditions: own ? ['source'] : ['source', ...defaults] } };
    },
  };
}
