import type { LanguageRegistration } from 'shiki/core';

const grammars = new Map<string, Promise<LanguageRegistration[] | undefined>>();

/**
 * The grammars `language` needs (its own last, after the ones it embeds), loaded from shiki's table of
 * on-demand imports the first time a block asks for it. The name comes from model output: only names shiki
 * knows are loaded; for others it resolves to `undefined` (the block stays plain).
 */
export function loadGrammars(language: string): Promise<LanguageRegistration[] | undefined> {
  let loaded = grammars.get(language);
  if (!loaded) {
    loaded = import('shiki/langs').then(async ({ bundledLanguages }) => {
      if (!Object.hasOwn(bundledLanguages, language)) return undefined;
      const { default: registration } = await bundledLanguages[language as keyof typeof bundledLanguages]();
      return registration;
    });
    // A failed load (offline chunk) is tried again next time rather than cached.
    loaded.catch(() => grammars.delete(language));
    grammars.set(language, loaded);
  }
  return loaded;
}
