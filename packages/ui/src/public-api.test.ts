/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import readme from '../README.md?raw';
import * as connected from './connected/index.ts';
import * as ui from './index.ts';

/**
 * The exports a README lists for one entry: the rows of the table under `### \`<entry>\``, each
 * naming an export in its first cell and, for a namespace, its parts in the second.
 */
function documentedExports(markdown: string, entry: string): Record<string, string[]> {
  const heading = `### \`${entry}\``;
  const start = markdown.indexOf(`${heading}\n`);
  if (start === -1) throw new Error(`The README has no "${heading}" section.`);
  const section = markdown.slice(start + heading.length).split(/\n#{2,3} /)[0] ?? '';
  const listed: Record<string, string[]> = {};
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([\w$]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    listed[name] = [...(cells[2] ?? '').matchAll(/`([\w$]+)`/g)].map((match) => match[1] ?? '').sort();
  }
  return listed;
}

/** What a module exports at run time, in the same shape: a namespace object lists its members. */
function actualExports(module: object): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(module).map(([name, value]) => [
      name,
      typeof value === 'object' && value !== null ? Object.keys(value).sort() : [],
    ]),
  );
}

// A table of entries, so another package's entries can join this check.
const ENTRIES: [entry: string, module: object][] = [
  ['@parley/ui', ui],
  ['@parley/ui/connected', connected],
];

describe('the public API of @parley/ui', () => {
  it.each(ENTRIES)('%s exports exactly what the README lists', (entry, module) => {
    expect(actualExports(module)).toEqual(documentedExports(readme, entry));
  });
});
