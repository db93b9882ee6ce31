// Size budgets: what a production build adds to an app that already has React, measured from the built
// dist/ (run after `pnpm build`; `pnpm run test:packages` does both). Minified, tree-shaken, gzip.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

const CLIENT = './packages/client/dist/index.js';
const REACT = './packages/react/dist/index.js';
const UI = './packages/ui/dist/index.js';
const CONNECTED = './packages/ui/dist/connected/index.js';
const STYLES = './packages/ui/dist/styles.css';

/** The app's own React, and shiki, which the highlighter loads only when a code block appears. */
const HOST = ['react', 'react-dom', 'react/jsx-runtime'];
const HIGHLIGHTING = ['shiki', '@shikijs/*'];

/** A production build as Vite makes it: browser ESM with NODE_ENV=production. */
const production = (config) => ({
  ...config,
  format: 'esm',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  // `import { type X } from './x'` leaves a bare import, which esbuild rightly drops (`sideEffects: false`).
  logOverride: { 'ignored-bare-import': 'silent' },
});

/**
 * One budget. `interim` is the limit enforced while the work that meets `target` is pending in another
 * part of the code (named in `pending`): it still fails on any regression, and the table shows both.
 */
const check = ({ name, target, interim, pending, imports, ignore = HOST }) => ({
  name: interim ? `${name} (target ${target}; interim until ${pending})` : name,
  limit: interim ?? target,
  import: imports,
  ignore,
  gzip: true,
  modifyEsbuildConfig: production,
});

/**
 * Each namespace of presentational parts, read from the package index so a new component gets a budget:
 * alone, it must shake down to what it uses (no markdown parser in a button, no virtualiser in a notice).
 */
const components = [
  ...readFileSync('./packages/ui/src/index.ts', 'utf8').matchAll(/export \* as (\w+) from/g),
].map(([, namespace]) => namespace);
/** Parts that render model text as markdown carry the renderer (markdown-it, its entities and linkify, remend: ~50 kB). */
const RENDERS_MARKDOWN = new Set(['ContentParts', 'Markdown', 'Message', 'ReasoningPanel']);
const MARKDOWN = 'a lighter markdown renderer (issue 10)';

/** shiki and its grammars resolve as @parley/ui resolves them (pnpm keeps them out of the root). */
const SHIKI = realpathSync('./packages/ui/node_modules/shiki');
const highlighting = {
  name: 'highlighting, loaded by the first code block: shiki core, JS regex engine, 2 themes, 1 grammar',
  limit: '80 kB',
  path: './packaging/first-code-block.js',
  gzip: true,
  modifyEsbuildConfig: (config) => ({
    ...production(config),
    nodePaths: ['./packages/ui/node_modules', dirname(SHIKI), dirname(dirname(SHIKI))],
  }),
};

export default [
  check({
    name: '@parley/client: streaming (createParleyClient)',
    target: '8 kB',
    imports: { [CLIENT]: '{ createParleyClient }' },
  }),
  check({
    name: '@parley/client + @parley/react useChatCompletion',
    target: '12 kB',
    interim: '24 kB',
    pending: 'a smaller chat core (issue 9)',
    imports: { [REACT]: '{ useChatCompletion }' },
  }),
  check({
    name: '<Chat> (@parley/ui/connected) with styles.css, before highlighting',
    target: '60 kB',
    interim: '175 kB',
    // ~50 kB of it is the markdown renderer; model settings (picker, parameters, react-query) ~28 kB; message
    // outcome parts (radix tooltip, popover) ~20 kB.
    pending: MARKDOWN,
    imports: { [CONNECTED]: '{ Chat }', [STYLES]: '*' },
    ignore: [...HOST, ...HIGHLIGHTING],
  }),
  ...components.map((namespace) =>
    check({
      name: `@parley/ui ${namespace} alone`,
      target: '50 kB',
      ...(RENDERS_MARKDOWN.has(namespace) ? { interim: '110 kB', pending: MARKDOWN } : {}),
      imports: { [UI]: `{ ${namespace} }` },
      ignore: [...HOST, ...HIGHLIGHTING],
    }),
  ),
  highlighting,
];
