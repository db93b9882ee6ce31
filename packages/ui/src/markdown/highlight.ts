import type { GrammarState, HighlighterCore } from 'shiki/core';

/** One highlighted piece of a line: its text and inline colours for the light and dark theme. */
export interface HighlightedToken {
  content: string;
  style: Record<string, string>;
}

/** Colours are in the tokens; the default theme switches to `--shiki-dark` under its dark tokens. */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
// A long conversation has many code blocks; this bounds the cache, not correctness.
const CACHE_LIMIT = 200;
// Lines tokenised per task: a few milliseconds of work between yields to the page, so a 60 KB
// block highlights in many short tasks instead of one long one.
const LINES_PER_TASK = 60;
// Lines longer than this stay plain: a minified bundle or a 200 KB line would take one long task,
// and colour adds nothing to it.
const MAX_LINE_LENGTH = 2000;
// shiki's per-line budget before it gives up on a line (its default is 500 ms).
const LINE_TIME_LIMIT_MS = 20;

let highlighter: Promise<HighlighterCore> | undefined;
const cache = new Map<string, Promise<HighlightedToken[][]>>();

// Nothing of shiki loads with the page. The first code block loads shiki's core, the JavaScript
// regex engine (no WebAssembly to fetch and compile) and the two themes; each language's grammar
// is then loaded the first time a block asks for it, from shiki's table of on-demand imports.
function loadHighlighter(): Promise<HighlighterCore> {
  highlighter ??= Promise.all([
    import('shiki/core'),
    import('shiki/engine/javascript'),
    import('@shikijs/themes/github-light-default'),
    import('@shikijs/themes/github-dark-default'),
  ]).then(([{ createHighlighterCore }, { createJavaScriptRegexEngine }, light, dark]) =>
    createHighlighterCore({
      themes: [light.default, dark.default],
      langs: [],
      engine: createJavaScriptRegexEngine({ forgiving: true }),
    }),
  );
  highlighter.catch(() => {
    highlighter = undefined;
  });
  return highlighter;
}

// The language name comes from model output: only names shiki knows are loaded; others are text.
async function loadLanguage(instance: HighlighterCore, language: string): Promise<string> {
  const { bundledLanguages } = await import('shiki/langs');
  if (!Object.hasOwn(bundledLanguages, language)) return 'text';
  const loader = bundledLanguages[language as keyof typeof bundledLanguages];
  if (!instance.getLoadedLanguages().includes(language)) await instance.loadLanguage(loader);
  return language;
}

// shiki gives CSS property names (`font-style`); React wants camelCase except for custom properties.
function toReactStyle(style: Record<string, string>): Record<string, string> {
  const entries = Object.entries(style).map(([name, value]) => [
    name.startsWith('--') ? name : name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    value,
  ]);
  return Object.fromEntries(entries);
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function tokenize(code: string, language: string): Promise<HighlightedToken[][]> {
  const instance = await loadHighlighter();
  const lang = await loadLanguage(instance, language);
  const lines = code.split('\n');
  const result: HighlightedToken[][] = [];
  let grammarState: GrammarState | undefined;
  for (let start = 0; start < lines.length; start += LINES_PER_TASK) {
    if (start > 0) await yieldToPage();
    // The grammar state carries over, so a string or comment open across a chunk boundary
    // colours the same as if the block were tokenised at once.
    const chunk = instance.codeToTokens(lines.slice(start, start + LINES_PER_TASK).join('\n'), {
      lang,
      themes: THEMES,
      ...(grammarState ? { grammarState } : {}),
      tokenizeMaxLineLength: MAX_LINE_LENGTH,
      tokenizeTimeLimit: LINE_TIME_LIMIT_MS,
    });
    grammarState = chunk.grammarState;
    for (const line of chunk.tokens) {
      result.push(
        line.map((token) => ({ content: token.content, style: toReactStyle(token.htmlStyle ?? {}) })),
      );
    }
  }
  return result;
}

/**
 * Highlights `code` as `language` with shiki, loading shiki on first use and then only the grammar
 * the language needs. The work is split into short tasks. Results are cached per code and
 * language. Unknown languages come back as plain tokens.
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
