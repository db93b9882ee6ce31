// Run with node in the installed app: the published highlighter's grammar table (in @parley/ui's dist, see
// shiki-grammars.ts in the repository) must give every language shiki bundles, by id and alias, exactly the
// grammars shiki's own table gives, the ones it loads in parts included.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const ui = realpathSync(join(import.meta.dirname, 'node_modules', '@parley', 'ui'));
const { grammarTable } = await import(join(ui, 'dist', 'markdown', 'grammar-table.js'));
const { bundledLanguages } = await import(createRequire(join(ui, 'package.json')).resolve('shiki/langs'));
const table = await grammarTable();
const names = Object.keys(bundledLanguages);
const differ = [];
for (const name of names) {
  if (!Object.hasOwn(table, name)) differ.push(`${name} (missing)`);
  else if (!isDeepStrictEqual((await table[name]()).default, (await bundledLanguages[name]()).default)) {
    differ.push(name);
  }
}
const extra = Object.keys(table).filter((name) => !Object.hasOwn(bundledLanguages, name));
console.log(JSON.stringify({ languages: names.length, differ, extra }));
