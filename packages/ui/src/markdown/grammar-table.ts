import type { LanguageRegistration } from 'shiki/core';

/** Loads one language's grammars: those it embeds, then its own, last. */
export type GrammarLoader = () => Promise<{ default: LanguageRegistration[] }>;

/**
 * The grammars a code block can ask for, by language id and alias: in the repository, shiki's own table of
 * on-demand imports. The published dist has a table of its own in place of this module, generated from the
 * same grammars when the package is built (/shiki-grammars.ts): there, no grammar is a chunk a bundler warns
 * about (over 500 kB), since the largest come in parts, each loaded by an `import()` of its own.
 */
export function grammarTable(): Promise<Record<string, GrammarLoader>> {
  return import('shiki/langs').then(({ bundledLanguages }) => bundledLanguages);
}
