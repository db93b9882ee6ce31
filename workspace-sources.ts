import { defaultClientConditions, defaultServerConditions, type Plugin } from 'vite';
import { markdownEntities } from './markdown-entities.ts';
import { publishedGrammarTable } from './shiki-grammars.ts';

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

/**
 * For an app of this repository (apps/demo): the packages from their sources, built as their published dist
 * is built: markdown-it with Parley's small entity decoder (markdownEntities) and, in a production build, the
 * published grammar table (publishedGrammarTable), so the app's chunks are what a user's build makes. A copy
 * of the app outside the repository drops this one plugin list: it reads the packages' builds, which have both.
 */
export function workspaceSourcesAsPublished(): Plugin[] {
  return [workspaceSources(), markdownEntities(), publishedGrammarTable()];
}
