/**
 * The public API of @parley/client and @parley/react is what their READMEs list under "Public API":
 * adding or removing an export (a value or a type) fails here until the README says so, and a new
 * entry point in a package.json fails until it has a section of its own.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packages = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every name a module exports, types included, following `export *` through relative imports. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause))
        names.push(...clause.elements.map((element) => element.name.text));
      else if (clause)
        names.push(clause.name.text); // export * as name
      else if (from && ts.isStringLiteral(from))
        names.push(...exportedNames(resolve(dirname(file), from.text)));
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      }
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

/**
 * The names a README lists for one entry: every backticked name in the first cell of a table row
 * under `### \`<entry>\`` (a row may group several types), up to the next heading.
 */
function documentedNames(markdown: string, entry: string): string[] {
  const heading = `### \`${entry}\``;
  const start = markdown.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`The README has no "${heading}" section.`);
  const section = markdown.slice(start + heading.length).split(/\n#{2,3} /)[0] ?? '';
  const names: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) continue;
    const first = line.split('|')[1] ?? '';
    names.push(...[...first.matchAll(/`([\w$]+)/g)].map((match) => match[1] ?? ''));
  }
  return names;
}

/** The JavaScript entry points a package.json declares (those with types), as import specifiers. */
function declaredEntries(packageDir: string): string[] {
  const manifest = JSON.parse(readFileSync(resolve(packages, packageDir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, string | { types?: string }>;
  };
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target === 'object' && target.types !== undefined)
    .map(([subpath]) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}

// Each entry point with the source file behind it and the README that documents it.
const ENTRIES: [entry: string, packageDir: string, source: string][] = [
  ['@parley/client', 'client', 'src/index.ts'],
  ['@parley/client/chat', 'client', 'src/chat/index.ts'],
  ['@parley/react', 'react', 'src/index.ts'],
];

describe('the public API', () => {
  it.each(ENTRIES)(
    '%s exports exactly what its README lists, each name once',
    (entry, packageDir, source) => {
      const actual = exportedNames(resolve(packages, packageDir, source));
      const readme = readFileSync(resolve(packages, packageDir, 'README.md'), 'utf8');
      const documented = documentedNames(readme, entry);
      expect(actual.length, 'an export is declared twice').toBe(new Set(actual).size);
      expect(documented.length, 'the README lists a name twice').toBe(new Set(documented).size);
      expect(actual.sort()).toEqual(documented.sort());
    },
  );

  it('exports each name from one entry only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [entry, packageDir, source] of ENTRIES) {
      for (const name of exportedNames(resolve(packages, packageDir, source))) {
        const other = seen.get(name);
        if (other) twice.push(`${name} (${other} and ${entry})`);
        seen.set(name, entry);
      }
    }
    expect(twice).toEqual([]);
  });

  it.each(['client', 'react'])('checks every entry point of packages/%s', (packageDir) => {
    const checked = ENTRIES.filter(([, dir]) => dir === packageDir).map(([entry]) => entry);
    expect(declaredEntries(packageDir).sort()).toEqual(checked.sort());
  });
});
