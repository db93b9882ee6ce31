// The grammar table of the published @parley/ui (see packages/ui/src/markdown/grammar-table.ts), written
// into its dist when it is built (tsdown.config.ts).
//
// An app's bundler makes one chunk of each grammar module shiki ships, and Vite warns about every chunk over
// 500 kB (minified). Two grammars are that large on their own (C++ and Emacs Lisp), and every grammar that
// embeds them (Ruby, Julia, Typst, ERB...) imports them statically, which no table of imports can undo. So
// the table written here loads those grammars from modules of its own: each grammar's JSON, split where it
// is large into parts that each stay well under the limit and are loaded by an `import()` of their own,
// together with the grammars it embeds, in shiki's order. Every other language imports shiki's module, as
// shiki's own table does.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

/** What one part may weigh (its JSON): a third under Vite's warning, for what minifying leaves. */
const PART_LIMIT = 330_000;

interface Grammar {
  name: string;
  repository?: Record<string, unknown>;
  [field: string]: unknown;
}

/** `import cpp_macro from './cpp-macro.mjs'`: a grammar a shiki grammar module embeds. */
const IMPORT = /^import (\w+) from '\.\/([^']+)\.mjs'$/gm;
/** `...cpp_macro,` in its `export default [...]`: where that grammar's array goes in the module's. */
const SPREAD = /^\.\.\.(\w+),?$/gm;

/**
 * A rule as pieces under PART_LIMIT: itself, or when it is a long list of patterns alone (Emacs Lisp's
 * `stdlib`), slices of that list, which the table joins again in order.
 */
function pieces(rule: unknown): unknown[] {
  const patterns = (rule as { patterns?: unknown[] }).patterns;
  if (JSON.stringify(rule).length <= PART_LIMIT || !patterns || Object.keys(rule as object).length > 1) {
    return [rule];
  }
  const slices: unknown[][] = [[]];
  let size = 0;
  for (const pattern of patterns) {
    const weight = JSON.stringify(pattern).length + 1;
    if (size + weight > PART_LIMIT && (slices.at(-1) as unknown[]).length > 0) {
      slices.push([]);
      size = 0;
    }
    (slices.at(-1) as unknown[]).push(pattern);
    size += weight;
  }
  return slices.map((slice) => ({ patterns: slice }));
}

/** Splits a grammar into parts whose JSON stays under PART_LIMIT: the first with everything but rules. */
function split(grammar: Grammar): Grammar[] {
  const { repository = {}, ...rest } = grammar;
  const parts: Grammar[] = [{ ...rest, repository: {} }];
  let size = JSON.stringify(rest).length;
  for (const [key, rule] of Object.entries(repository)) {
    for (const piece of pieces(rule)) {
      const weight = JSON.stringify(piece).length + key.length + 4;
      let part = parts.at(-1) as Grammar;
      const rules = part.repository as Record<string, unknown>;
      if (key in rules || (size + weight > PART_LIMIT && Object.keys(rules).length > 0)) {
        part = { name: grammar.name, repository: {} };
        parts.push(part);
        size = 0;
      }
      (part.repository as Record<string, unknown>)[key] = piece;
      size += weight;
    }
  }
  return parts;
}

/**
 * Writes `grammar-languages.js` (the table) and `grammars/` into `markdownDist`, and makes
 * `grammar-table.js` load that table instead of shiki's.
 */
export async function writeGrammarTable(packageDir: string, markdownDist: string): Promise<void> {
  const require = createRequire(join(packageDir, 'package.json'));
  const langs = dirname(require.resolve('@shikijs/langs'));
  const { bundledLanguagesInfo } = (await import(pathToFileURL(require.resolve('shiki/langs')).href)) as {
    bundledLanguagesInfo: { id: string; aliases?: string[] }[];
  };
  const source = (name: string) => readFileSync(join(langs, `${name}.mjs`), 'utf8');
  /** The grammars a module's array holds before its own, in its order. */
  const embedded = (name: string) => {
    const text = source(name);
    const ids = new Map([...text.matchAll(IMPORT)].map(([, variable, id]) => [variable, id ?? '']));
    const spreads = [...text.matchAll(SPREAD)].map(([, variable]) => ids.get(variable ?? ''));
    if (spreads.length !== ids.size || spreads.includes(undefined)) {
      throw new Error(`@shikijs/langs/${name}: expected its array to spread each grammar it imports`);
    }
    return spreads as string[];
  };
  const own = async (name: string) => {
    const module = (await import(pathToFileURL(join(langs, `${name}.mjs`)).href)) as { default: Grammar[] };
    return module.default.at(-1) as Grammar;
  };
  /** A module that only re-exports another (`rb` for `ruby`): the name it stands for. */
  const aliasOf = (name: string) => source(name).match(/^export \{ default \} from '\.\/([^']+)\.mjs'/m)?.[1];
  const canonical = (name: string): string => {
    const target = aliasOf(name);
    return target === undefined ? name : canonical(target);
  };

  // The grammars too large to be a chunk, then every grammar that embeds one of them, however deeply.
  const names = readdirSync(langs)
    .filter((file) => file.endsWith('.mjs') && file !== 'index.mjs')
    .map((file) => file.slice(0, -'.mjs'.length))
    .filter((name) => aliasOf(name) === undefined);
  const ownGrammars = new Map<string, Grammar>();
  const large = new Set<string>();
  for (const name of names) {
    if (statSync(join(langs, `${name}.mjs`)).size <= PART_LIMIT) continue;
    const grammar = await own(name);
    if (JSON.stringify(grammar).length > PART_LIMIT) large.add(name);
    ownGrammars.set(name, grammar);
  }
  const affected = new Set(large);
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of names) {
      if (!affected.has(name) && embedded(name).some((id) => affected.has(id))) {
        affected.add(name);
        grew = true;
      }
    }
  }

  const grammarsDir = join(markdownDist, 'grammars');
  rmSync(grammarsDir, { recursive: true, force: true });
  mkdirSync(grammarsDir, { recursive: true });
  const key = JSON.stringify;
  const lines: string[] = [];
  // The names a block can ask for (shiki's table: ids and aliases), with the grammar module each stands for;
  // and what the affected grammars embed.
  const wanted = new Map<string, string>();
  for (const { id, aliases = [] } of bundledLanguagesInfo) {
    for (const name of [id, ...aliases]) wanted.set(name, canonical(id));
  }
  const languages = [...wanted.keys()].sort();
  for (const name of affected) for (const id of embedded(name)) wanted.set(id, canonical(id));
  for (const target of [...wanted.values()]) wanted.set(target, target);
  for (const [name, target] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    if (target !== name)
      lines.push(`grammars[${key(name)}] = (...args) => grammars[${key(target)}](...args);`);
    else if (!affected.has(name))
      lines.push(`grammars[${key(name)}] = () => import(${key(`@shikijs/langs/${name}`)});`);
  }
  for (const name of [...affected].sort()) {
    const parts = split(ownGrammars.get(name) ?? (await own(name)));
    const files = parts.map((part, index) => {
      const file = `${name}.${index}.js`;
      writeFileSync(
        join(grammarsDir, file),
        `// ${name}'s grammar from @shikijs/langs${parts.length > 1 ? `, part ${index + 1} of ${parts.length}` : ''}.\nexport default JSON.parse(${key(JSON.stringify(part))});\n`,
      );
      return file;
    });
    const loads = [
      ...embedded(name).map((id) => `grammars[${key(canonical(id))}]()`),
      ...files.map((file) => `import(${key(`./grammars/${file}`)})`),
    ];
    lines.push(
      `grammars[${key(name)}] = () => Promise.all([${loads.join(', ')}]).then((loaded) => compose(loaded, ${files.length}));`,
    );
  }
  writeFileSync(
    join(markdownDist, 'grammar-languages.js'),
    `// Generated when @parley/ui was built (shiki-grammars.ts in its repository): every language shiki bundles,
// by id and alias. ${[...large].join(' and ')} come in parts, and with them the grammars that embed them.

/** The loaded modules: the arrays of the grammars embedded, then the parts of the language's own. */
function compose(loaded, parts) {
  const embedded = loaded.slice(0, loaded.length - parts).flatMap((module) => module.default);
  const own = loaded.slice(loaded.length - parts).map((module) => module.default);
  // A rule split across parts (a long list of patterns) is joined again, in order.
  const repository = {};
  for (const part of own) {
    for (const [key, rule] of Object.entries(part.repository)) {
      repository[key] = key in repository ? { patterns: [...repository[key].patterns, ...rule.patterns] } : rule;
    }
  }
  return { default: [...embedded, Object.freeze({ ...own[0], repository })] };
}

/** Every grammar by name, the embedded-only ones (cpp-macro) included. */
const grammars = Object.create(null);
${lines.join('\n')}

/** What a code block can ask for: shiki's languages, by id and alias. */
export const table = Object.create(null);
for (const name of ${key(languages)}) table[name] = grammars[name];
`,
  );
  // The module the highlighter imports, here without its sources (its map described the repository's).
  rmSync(join(markdownDist, 'grammar-table.js.map'), { force: true });
  writeFileSync(
    join(markdownDist, 'grammar-table.js'),
    "// The published table: grammar-languages.js (see grammar-table.ts in the repository).\nexport function grammarTable() {\n  return import('./grammar-languages.js').then(({ table }) => table);\n}\n",
  );
}

const UI = fileURLToPath(new URL('./packages/ui/', import.meta.url));
const SOURCE_TABLE = join(UI, 'src/markdown/grammar-table.ts');

/**
 * A Vite plugin for a production build of an app from the packages' sources (apps/demo): the highlighter
 * loads the grammar table the published dist has (written once per build under @parley/ui's
 * node_modules/.cache, where its imports of `@shikijs/langs` resolve) instead of shiki's, so that the app's
 * chunks are what a user's build of the published package makes, without a grammar over Vite's 500 kB
 * warning. The dev server and tests keep shiki's table.
 */
export function publishedGrammarTable(): Plugin {
  let written: Promise<string> | undefined;
  return {
    name: 'parley:published-grammar-table',
    apply: 'build',
    enforce: 'pre',
    resolveId: {
      filter: { id: /grammar-table\.ts$/ },
      async handler(source, importer) {
        if (!importer || join(dirname(importer), source) !== SOURCE_TABLE) return null;
        written ??= (async () => {
          const dir = join(UI, 'node_modules/.cache/parley-grammar-table');
          await writeGrammarTable(UI, dir);
          return join(dir, 'grammar-table.js');
        })();
        return written;
      },
    },
  };
}
