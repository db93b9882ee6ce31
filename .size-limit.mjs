// Size budgets: what a production build adds to an app that already has React, measured from the built
// dist/ (run after `pnpm build`; `pnpm run test:packages` does both). Minified, tree-shaken, gzip.
//
// The named budgets (client, hook, <Chat>) are Vite production builds of a one-line app
// (packaging/size-apps.mjs), as the user's app is built; each counts the chunks a page downloads before the
// person does anything: the entry and what it imports statically, with its stylesheet. What `import()`
// loads later (settings panels, message outcomes, the markdown renderer...) is counted separately, in a
// "lazy chunks" budget of its own, so that it cannot grow unseen either. Each presentational namespace
// alone is measured with esbuild (size-limit's default), whose tree-shaking is what that budget checks.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from './packaging/size-apps.mjs';

const UI = './packages/ui/dist/index.js';

/** The app's own React, and shiki, which the highlighter loads only when a code block appears. */
const HOST = ['react', 'react-dom', 'react/jsx-runtime'];
const HIGHLIGHTING = ['shiki', '@shikijs/*'];

/**
 * The published highlighter's grammar table (its grammars, some in parts: see /shiki-grammars.ts), which
 * the first code block loads: highlighting, whose budget is its own.
 */
const GRAMMAR_TABLE = /grammar-languages\.js$/;

/** A production build as Vite makes it: browser ESM with NODE_ENV=production. */
const production = (config) => ({
  ...config,
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'grammar-table-apart',
      setup(build) {
        build.onResolve({ filter: GRAMMAR_TABLE }, ({ path }) => ({ path, external: true }));
      },
    },
  ],
  format: 'esm',
  platform: 'browser',
  define: { 'process.env.NODE_ENV': '"production"' },
  // `import { type X } from './x'` leaves a bare import, which esbuild rightly drops (`sideEffects: false`).
  logOverride: { 'ignored-bare-import': 'silent' },
});

/** One budget on what esbuild bundles from `imports`, as a production app would. */
const check = ({ name, limit, imports, ignore = HOST }) => ({
  name,
  limit,
  import: imports,
  ignore,
  gzip: true,
  modifyEsbuildConfig: production,
});

/** A budget on files a Vite build emitted (size-limit only compresses and adds them up). */
const files = ({ name, limit, path }) => ({
  name,
  limit,
  path,
  gzip: true,
  disablePlugins: ['@size-limit/esbuild'],
});

/** `globalThis` keeps the import alive: an app build drops an entry's unused exports. */
const client = await buildApp(
  'client',
  "import { createParleyClient } from '@parley/client';\nglobalThis.measured = createParleyClient;\n",
);
const hook = await buildApp(
  'hook',
  "import { useChatCompletion } from '@parley/react';\nglobalThis.measured = useChatCompletion;\n",
);
/** The one-tag chat of the README, with the default theme; highlighting has a budget of its own below. */
const chat = await buildApp(
  'chat',
  [
    "import { Chat } from '@parley/ui/connected';",
    "import '@parley/ui/styles.css';",
    "import { jsx } from 'react/jsx-runtime';",
    "globalThis.measured = () => jsx(Chat.Root, { options: { baseURL: '/api/v1' } });",
  ].join('\n'),
  [/^shiki(\/|$)/, /^@shikijs\//, GRAMMAR_TABLE],
);

/** The renderer's chunk (named after markdown.js, which `import()` loads). */
const markdownChunk = chat.lazy.filter((file) => /\/markdown-[\w-]+\.js$/.test(file));
if (markdownChunk.length !== 1) throw new Error(`Expected one markdown chunk among ${chat.lazy.join(', ')}`);

/** The rows' chunk (named after conversation-parts.js, which `import()` loads). */
const rowsChunk = chat.lazy.filter((file) => /\/conversation-parts-[\w-]+\.js$/.test(file));
if (rowsChunk.length !== 1) throw new Error(`Expected one rows chunk among ${chat.lazy.join(', ')}`);

/**
 * Each namespace of presentational parts, read from the package index so a new component gets a budget:
 * alone, it must shake down to what it uses (no markdown parser in a button, no virtualiser in a notice).
 */
const components = [
  ...readFileSync('./packages/ui/src/index.ts', 'utf8').matchAll(/export \* as (\w+) from/g),
].map(([, namespace]) => namespace);
/**
 * Two namespaces use more than 50 kB, all of it their own: `Message` is a whole row (its parts, the
 * markdown renderer at ~38 kB with its own budget below, tool calls, the outcome parts: structured
 * output, logprobs, sources; actions with radix's dialog and popover; react-query for the price of a
 * reply the server did not cost), and `ContentParts` renders text as markdown beside the image, audio,
 * video and file parts. An app loads most of that on demand (the first-paint and lazy budgets above);
 * alone, measured whole here, each still fails when it grows or takes in what it does not use.
 */
const WHOLE = { Message: '100 kB', ContentParts: '60 kB' };

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
  files({
    name: '@parley/client: streaming (createParleyClient)',
    limit: '8 kB',
    path: client.initial,
  }),
  files({
    // What a page runs before it paints: the store, the reducer and the hook. The requests (the client's
    // request code, building a request, the tool-round loop) are a chunk of their own, preloaded as the
    // chat mounts (lazyParleyClient, chat-request.ts); persistence and running tool calls load when used.
    name: '@parley/client + @parley/react useChatCompletion',
    limit: '12 kB',
    path: hook.initial,
  }),
  files({
    name: 'useChatCompletion: lazy chunks (the requests, preloaded at mount; tool calls and persistence when used)',
    limit: '18 kB',
    path: hook.lazy,
  }),
  files({
    // An empty chat: the composer (its buttons' tooltips are Parley's own few lines, no positioning
    // library), the chat core and an empty conversation log (or the preview of a saved one): 37.5 kB.
    // The virtualised list, message rows, markdown, prices (react-query), the requests, persistence and
    // tool calls are lazy.
    name: '<Chat> with styles.css, first paint',
    limit: '40 kB',
    path: chat.initial,
  }),
  files({
    // The virtualised list, message rows (parts, actions, tool calls, outcome parts, react-query for prices)
    // and the markdown renderer (markdown-it, entities, linkify, remend), loaded when a message is on its
    // way; the requests (preloaded as the chat mounts); persistence and tool calls when used; a reply's
    // token view (radix Toolbar and Popover with floating-ui) when its Details open, and the image
    // lightbox (radix Dialog) when a thumbnail is pointed at: 121.3 kB. Those two were in the rows'
    // chunk until they became chunks of their own, which costs about 2 kB of compression context.
    name: '<Chat>: lazy chunks, loaded when first needed (before highlighting)',
    limit: '124 kB',
    path: chat.lazy,
  }),
  files({
    // What opening a conversation loads besides the markdown renderer: the virtualised list and the
    // message row with its parts, actions and outcome parts: 25.2 kB (with the token view and the lightbox
    // it was about 50 kB).
    name: '<Chat>: the rows chunk, loaded by a conversation with messages',
    limit: '28 kB',
    path: rowsChunk,
  }),
  files({
    // The published renderer decodes named references with Parley's small decoder (markdown-it is built into
    // @parley/ui's dist with it, see /tsdown.config.ts): with markdown-it's own `entities` it was 53 kB.
    name: '<Chat>: the markdown renderer chunk (markdown-it without the entities table, linkify-it, remend)',
    limit: '42 kB',
    path: markdownChunk,
  }),
  ...components.map((namespace) =>
    check({
      name: `@parley/ui ${namespace} alone`,
      limit: WHOLE[namespace] ?? '50 kB',
      imports: { [UI]: `{ ${namespace} }` },
      ignore: [...HOST, ...HIGHLIGHTING],
    }),
  ),
  highlighting,
  {
    ...highlighting,
    // The same code as the page loads it for the worker: the real worker script from @parley/ui's dist,
    // without grammars (the page sends each language's with the first block in it).
    name: 'the highlighter Web Worker script: shiki core, JS regex engine, 2 themes',
    limit: '65 kB',
    path: './packages/ui/dist/markdown/highlight-worker.js',
  },
];
