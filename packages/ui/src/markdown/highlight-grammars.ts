import type { LanguageRegistration } from 'shiki/core';
import { grammarTable } from './grammar-table.ts';

const grammars = new Map<string, Promise<LanguageRegistration[] | undefined>>();

/**
 * The grammars `language` needs (its own last, after the ones it embeds), loaded from the table of
 * on-demand imports (grammar-table.ts) the first time a block asks for it. The name comes from model
 * output: only names shiki knows are loaded; for others it resolves to `undefined` (the block stays plain).
 */
export function loadGrammars(language: string): Promise<LanguageRegistration[] | undefined> {
  let loaded = grammars.get(language);
  if (!loaded) {
    loaded = grammarTable().then(async (table) => {
      const load = Object.hasOwn(table, language) ? table[language] : undefined;
      return load ? (await load()).default : undefined;
    });
    // A failed load (offline chunk) is tried again next time rather than cached.
    loaded.catch(() => grammars.delete(language));
    grammars.set(language, loaded);
  }
  return loaded;
}
