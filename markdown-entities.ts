import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const DECODER = fileURLToPath(new URL('./packages/ui/src/markdown/entities.ts', import.meta.url));

/**
 * Gives markdown-it Parley's small named-reference decoder (packages/ui/src/markdown/entities.ts)
 * in place of the `entities` package and its whole HTML5 table (about 30 kB, decoded when the
 * module loads). Only imports from markdown-it are redirected; anything else that uses `entities`
 * keeps it. A Vite and Rolldown plugin: add it wherever markdown renders from this repository; the
 * published @parley/ui gets it through its build (/tsdown.config.ts builds markdown-it into its dist).
 */
export function markdownEntities(): Plugin {
  return {
    name: 'parley:markdown-entities',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'entities' && importer && /[\\/]markdown-it[\\/]/.test(importer)) return DECODER;
      return null;
    },
  };
}
