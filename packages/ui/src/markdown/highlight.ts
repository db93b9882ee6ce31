import type { HighlighterGeneric } from 'shiki';

/** One highlighted piece of a line: its text and inline colours for the light and dark theme. */
export interface HighlightedToken {
  content: string;
  style: Record<string, string>;
}

/** Colours are in the tokens; the default theme switches to `--shiki-dark` under its dark tokens. */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
// A long conversation has many code blocks; this bounds the cache, not correctness.
const CACHE_LIMIT = 200;

type Highlighter = HighlighterGeneric<string, string>;
let highlighter: Promise<Highlighter> | undefined;
const cache = new Map<string, Promise<HighlightedToken[][]>>();

// shiki (grammars, themes, regex engine) is hundreds of kilobytes: it is imported the first time a
// code block needs colour, never with the page. The JavaScript regex engine avoids shipping and
// compiling oniguruma's WebAssembly.
function loadHighlighter(): Promise<Highlighter> {
  highlighter ??= Promise.all([import('shiki'), import('shiki/engine/javascript')]).then(
    ([shiki, engine]) =>
      shiki.createHighlighter({
        themes: [THEMES.light, THEMES.dark],
        langs: [],
        engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
      }) as Promise<Highlighter>,
  );
  return highlighter;
}

// shiki gives CSS property names (`font-style`); React wants camelCase except for custom properties.
function toReactStyle(style: Record<string, string>): Record<string, string> {
  const entries = Object.entries(style).map(([name, value]) => [
    name.startsWith('--') ? name : name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    value,
  ]);
  return Object.fromEntries(entries);
}

async function tokenize(code: string, language: string): Promise<HighlightedToken[][]> {
  const [instance, { bundledLanguages }] = await Promise.all([loadHighlighter(), import('shiki')]);
  // The language name comes from model output: only names shiki bundles are loaded.
  const lang = Object.hasOwn(bundledLanguages, language) ? language : 'text';
  if (lang !== 'text' && !instance.getLoadedLanguages().includes(lang)) await instance.loadLanguage(lang);
  const result = instance.codeToTokens(code, { lang, themes: THEMES });
  return result.tokens.map((line) =>
    line.map((token) => ({ content: token.content, style: toReactStyle(token.htmlStyle ?? {}) })),
  );
}

/**
 * Highlights `code` as `language` with shiki, loading shiki on first use. Results are cached per
 * code and language. Unknown languages come back as plain tokens.
 */
export function highlightCode(code: string, language: string): Promise<HighlightedToken[][]> {
  const key = `${language}\u0000${code}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = tokenize(code, language.toLowerCase());
    // A failed load (offline chunk, say) should be retried next time rather than cached.
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}
