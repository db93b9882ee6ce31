// The apps the size budgets measure (/.size-limit.mjs): each is built with Vite, as a user's app would be,
// from the built dist/ (the packages' `default` export condition), with React left out, so what is measured
// is what Parley adds to an app that already has React.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..');
/** Inside the repository, so that `@parley/*` resolve through its node_modules as an app's would. */
const OUT = join(ROOT, 'node_modules', '.cache', 'parley-size');

/** The app's own React; every other import, Parley's dependencies included, is measured. */
const REACT = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];

/**
 * Builds `code` as the entry of a production app and sorts what it emits:
 * - `initial`: the entry chunk, every chunk it imports statically (transitively) and their stylesheets:
 *   what a page downloads before the person does anything;
 * - `lazy`: every other chunk and stylesheet: what `import()` loads later (a settings panel opened, the
 *   first reply with markdown, ...).
 * `external` is left out of both (highlighting, which has its own budget).
 * @returns paths relative to the repository root, for size-limit's `path`.
 */
export async function buildApp(name, code, external = []) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const entry = join(OUT, `${name}.js`);
  writeFileSync(entry, code);
  await build({
    configFile: false,
    root: OUT,
    logLevel: 'warn',
    build: {
      outDir: dir,
      emptyOutDir: true,
      manifest: true,
      // Only chunks; nothing is inlined into another file's count.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: entry,
        external: [...REACT, ...external],
        // Timings of a loaded machine are not the app's size.
        checks: { pluginTimings: false },
        // As @vitejs/plugin-react does: 'use client' has no meaning in a client bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(Object.keys(manifest).find((key) => manifest[key].isEntry));
  const emitted = new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]));
  const path = (file) => relative(ROOT, join(dir, file));
  return {
    initial: [...initial].map(path),
    lazy: [...emitted].filter((file) => !initial.has(file)).map(path),
  };
}
