// One build for every package: each package runs `tsdown -c ../../tsdown.config.ts` from its own folder,
// and its entries come from its own package.json (the `source` condition of each export, and `bin`), so
// a new subpath export needs no change here.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { bundle } from 'lightningcss';
import { defineConfig } from 'tsdown';
import { markdownEntities } from './markdown-entities.ts';
import { writeGrammarTable } from './shiki-grammars.ts';

type Exports = Record<string, string | Record<string, string>>;

interface Manifest {
  exports?: Exports;
  publishConfig?: { exports?: Exports };
  bin?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const cwd = process.cwd();
const manifest = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as Manifest;

/** `./dist/chat/index.js` → `chat/index`: the entry name rolldown writes back to that same path. */
const entryName = (distFile: string) => distFile.replace(/^\.\/dist\//, '').replace(/\.js$/, '');

const entry: Record<string, string> = {};
const assets: Array<{ from: string; to: string }> = [];
for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
  if (typeof target === 'string') continue; // ./package.json
  const { source, default: built } = target;
  if (!source || !built) throw new Error(`exports["${subpath}"] needs "source" and "default" conditions`);
  if (/\.tsx?$/.test(source)) entry[entryName(built)] = source;
  else assets.push({ from: source, to: built });
}

/**
 * The `source` condition points at src/, which the tarball leaves out: `pnpm pack` replaces `exports` with
 * `publishConfig.exports`, which must be the same map without it. A build fails when the two drift apart.
 */
const published = Object.fromEntries(
  Object.entries(manifest.exports ?? {}).map(([subpath, target]) => {
    if (typeof target === 'string') return [subpath, target];
    const { source: _source, ...conditions } = target;
    return [subpath, conditions];
  }),
);
if (JSON.stringify(manifest.publishConfig?.exports) !== JSON.stringify(published)) {
  throw new Error(
    `${join(cwd, 'package.json')}: publishConfig.exports must be exports without "source":\n${JSON.stringify(published, null, 2)}`,
  );
}
/**
 * A Web Worker's script is loaded by URL (`new Worker(new URL('./x-worker.js', import.meta.url))`, which app
 * bundlers recognise), not imported, so no entry reaches it: each `*-worker.ts` file under src/ is built as an
 * entry of its own, next to the module that starts it, where that URL finds it.
 */
const workers = readdirSync(join(cwd, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('-worker.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
for (const name of workers) entry[name] = `./src/${name}.ts`;
for (const built of Object.values(manifest.bin ?? {})) {
  // A bin is built from the source file of the same name (./dist/cli.js from ./src/cli.ts).
  entry[entryName(built)] = built.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts');
}

/**
 * `export * as Chat from './chat-parts.ts'` in an entry: rolldown would build the namespace as an object of
 * getters (`__exportAll`), which no app bundler can shake, so `<Chat.Root>` would keep every other part of
 * `Chat` (the model settings with react-query, ...). Such targets are built as entries of their own and the
 * entry re-exports their real ES module namespace (`./chat-parts.js`), whose unused members an app's
 * bundler drops.
 */
const NAMESPACE_EXPORT = /export \* as \w+ from '(\.[^']+)'/g;
const namespaceTargets = new Map<string, Map<string, string>>();
for (const source of Object.values(entry)) {
  const file = resolve(cwd, source);
  const targets = new Map<string, string>();
  for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(NAMESPACE_EXPORT)) {
    const target = resolve(dirname(file), specifier);
    targets.set(specifier, specifier.replace(/\.tsx?$/, '.js'));
    entry[relative(join(cwd, 'src'), target).replace(/\.tsx?$/, '')] = `./${relative(cwd, target)}`;
  }
  if (targets.size > 0) namespaceTargets.set(file, targets);
}
const realNamespaces = {
  name: 'parley:real-namespaces',
  resolveId(specifier: string, importer: string | undefined) {
    const built = importer === undefined ? undefined : namespaceTargets.get(importer)?.get(specifier);
    return built === undefined ? null : { id: built, external: true };
  },
};

/**
 * React Server Components treat a module as client code only when `'use client'` opens it, so every
 * entry of a package that renders React (a `react` peer) must start with it. Rolldown keeps the
 * directive of an entry module that has one; barrels that only re-export parts get it as a banner.
 */
const rendersReact = manifest.peerDependencies?.react !== undefined;
const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(['"])use client\1/;
const needsBanner = new Set(
  Object.entries(entry)
    .filter(
      ([name, source]) =>
        rendersReact && !workers.includes(name) && !USE_CLIENT.test(readFileSync(join(cwd, source), 'utf8')),
    )
    .map(([name]) => name),
);

/**
 * What a build may bundle: markdown-it, with the packages it imports, is built into @parley/ui's dist
 * (under `dist/vendor/`; a devDependency there) rather than left to the app: only so can its `entities`
 * import be Parley's small decoder, as in the repository (markdownEntities), instead of the whole HTML5
 * table the app would otherwise download with the renderer. Their licenses go with them. Any other
 * package is a dependency, left to the app's bundler (a build that would bundle one fails).
 */
const VENDORED = ['markdown-it', 'mdurl', 'uc.micro', 'linkify-it', /^punycode\.js$/];
/** `node_modules/.pnpm/mdurl@2.1.0/node_modules/mdurl/lib/decode` → `vendor/mdurl/lib/decode` */
const VENDOR_PATH = /^node_modules\/\.pnpm\/[^/]+\/node_modules\//;
/** The folder of the package a bundled module comes from (its LICENSE is there). */
const PACKAGE_ROOT = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\//;
const vendorLicenses = {
  name: 'parley:vendor-licenses',
  generateBundle(
    this: { emitFile(file: { type: 'asset'; fileName: string; source: string }): void },
    _: unknown,
    output: Record<string, { facadeModuleId?: string | null }>,
  ) {
    const roots = new Map<string, string>();
    for (const chunk of Object.values(output)) {
      const [, root, name] = chunk.facadeModuleId?.match(PACKAGE_ROOT) ?? [];
      if (root && name) roots.set(name, root);
    }
    for (const [name, root] of roots) {
      const license = readdirSync(root).find((file) => /^licen[cs]e/i.test(file));
      if (!license) throw new Error(`${name} is bundled into dist/vendor but has no LICENSE file`);
      this.emitFile({
        type: 'asset',
        fileName: `vendor/${name}/${license}`,
        source: readFileSync(join(root, license), 'utf8'),
      });
    }
  },
};

/** The repository's one LICENSE goes into each package folder, where `pnpm pack` looks for it. */
function copyLicense() {
  copyFileSync(join(import.meta.dirname, 'LICENSE'), join(cwd, 'LICENSE'));
}

/** Stylesheets are bundled (their `@import`s inlined) so an app imports one file; other assets are copied. */
function writeAssets() {
  for (const { from, to } of assets) {
    const out = join(cwd, to);
    mkdirSync(dirname(out), { recursive: true });
    if (from.endsWith('.css')) {
      const { code, map } = bundle({ filename: join(cwd, from), sourceMap: true });
      const name = out.slice(out.lastIndexOf('/') + 1);
      writeFileSync(out, `${code}\n/*# sourceMappingURL=${name}.map */\n`);
      if (map) writeFileSync(`${out}.map`, map);
    } else {
      copyFileSync(join(cwd, from), out);
    }
  }
}

export default defineConfig({
  cwd,
  entry,
  format: 'esm',
  // One output file per source module: with `sideEffects: false`, an app's bundler then drops whole modules
  // an import does not reach. Rolled into shared chunks, a chunk's top-level calls (React.memo, schemas)
  // would keep every component and parser in it alive.
  unbundle: true,
  platform: 'neutral',
  target: 'es2022',
  fixedExtension: false,
  sourcemap: true,
  dts: { sourcemap: true },
  tsconfig: join(cwd, 'tsconfig.json'),
  // Node builtins (the simulator's HTTP server) stay imports; `neutral` would warn about each one.
  deps: { neverBundle: [/^node:/], onlyBundle: VENDORED },
  plugins: [realNamespaces, markdownEntities(), vendorLicenses],
  // A platform-neutral build reads no `main` or `module` field; a vendored package without `exports`
  // (punycode.js) is found through them.
  inputOptions: { resolve: { mainFields: ['module', 'main'] } },
  // The declaration build is the slow part by nature; its timing warning says nothing actionable.
  checks: { pluginTimings: false },
  outputOptions: {
    // A bundled package keeps its own file layout, under vendor/ (a packed tarball leaves out node_modules/).
    entryFileNames: (chunk) => `${chunk.name.replace(VENDOR_PATH, 'vendor/')}.js`,
    banner: (chunk) => (chunk.isEntry && needsBanner.has(chunk.name) ? "'use client';" : ''),
  },
  hooks: {
    'build:done': async () => {
      writeAssets();
      copyLicense();
      // @parley/ui's highlighter: a table of grammars no bundler warns about (see shiki-grammars.ts).
      if (existsSync(join(cwd, 'src/markdown/grammar-table.ts'))) {
        await writeGrammarTable(cwd, join(cwd, 'dist/markdown'));
      }
    },
  },
});
