import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './workspace.ts';

/**
 * One section of the root README (`## heading`, or `### heading` inside it), so the consumer apps compile
 * exactly what the README tells people to write, and the README cannot drift from what works.
 */
export function readmeSection(heading: string, level = 2): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const marks = '#'.repeat(level);
  const start = readme.indexOf(`\n${marks} ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${marks} ${heading}" section`);
  const next = new RegExp(`\\n#{1,${level}} `, 'g');
  next.lastIndex = start + 1;
  const end = next.exec(readme)?.index;
  return readme.slice(start, end);
}

/** The ```tsx blocks of a section, verbatim. */
export function tsxBlocks(section: string): string[] {
  return [...section.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** The ```ts and ```tsx blocks of a section that open with a `// path` comment, by that path. */
export function readmeFiles(section: string): Record<string, string> {
  return Object.fromEntries(
    [...section.matchAll(/```tsx?\n\/\/ ([\w./-]+)\n([\s\S]*?)```/g)].map((match) => [
      match[1] ?? '',
      match[2] ?? '',
    ]),
  );
}

/**
 * A README snippet as a module: unchanged, plus an export of each top-level function it declares, so an
 * app can render it and `noUnusedLocals` does not reject a component the README only declares.
 */
export function snippetModule(snippet: string): string {
  const declared = [...snippet.matchAll(/^function (\w+)/gm)].map((match) => match[1]);
  return declared.length > 0 ? `${snippet}\nexport { ${declared.join(', ')} };\n` : snippet;
}
