import type { GrammarState, HighlighterCore } from 'shiki/core';
import { compileGrammar, yieldToPage } from './compile-grammar.ts';

/** One highlighted piece of a line: its text and inline colours for the light and dark theme. */
export interface HighlightedToken {
  content: string;
  style: Record<string, string>;
}

/** Colours are in the tokens; the default theme switches to `--shiki-dark` under its dark tokens. */
const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
// A long conversation has many code blocks; this bounds the cache, not correctness.
const CACHE_LIMIT = 200;
// Tokenising runs in tasks of about this many milliseconds, between which the page handles input
// and paints: a 60 KB block highlights in many short tasks instead of one long one.
const TASK_BUDGET_MS = 8;
// Lines longer than this stay plain: a minified bundle or a 200 KB line would take one long task,
// and colour adds nothing to it.
const MAX_LINE_LENGTH = 2000;
// shiki's per-line budget before it gives up on a line (its default is 500 ms), against patterns
// that backtrack for ever. It is wall time: at 20 ms a loaded machine (the tests on two shared
// cores) cut ordinary lines short, and the state a cut line leaves miscoloured the lines after it.
const LINE_TIME_LIMIT_MS = 100;

let highlighter: Promise<HighlighterCore> | undefined;
const cache = new Map<string, Promise<HighlightedToken[][]>>();
// The engine's compiled regular expressions by pattern, filled ahead of use by compileGrammar.
const compiled = new Map<string, RegExp | Error>();

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
      engine: createJavaScriptRegexEngine({ forgiving: true, cache: compiled }),
    }),
  );
  highlighter.catch(() => {
    highlighter = undefined;
    languages.clear();
  });
  return highlighter;
}

const languages = new Map<string, Promise<string>>();

// The language name comes from model output: only names shiki knows are loaded; others are text.
// The grammar is compiled in short tasks before it is registered (see compile-grammar.ts).
function loadLanguage(instance: HighlighterCore, language: string): Promise<string> {
  let loaded = languages.get(language);
  if (!loaded) {
    loaded = (async () => {
      const [{ bundledLanguages }, { defaultJavaScriptRegexConstructor }] = await Promise.all([
        import('shiki/langs'),
        import('shiki/engine/javascript'),
      ]);
      if (!Object.hasOwn(bundledLanguages, language)) return 'text';
      const { default: grammars } = await bundledLanguages[language as keyof typeof bundledLanguages]();
      // The language's own grammar comes last, after the ones it embeds, which compile when met.
      await compileGrammar(grammars.at(-1), compiled, (pattern) =>
        // What createJavaScriptRegexEngine compiles with by default.
        defaultJavaScriptRegexConstructor(pattern, { target: 'auto' }),
      );
      await instance.loadLanguage(grammars);
      return language;
    })();
    loaded.catch(() => languages.delete(language));
    languages.set(language, loaded);
  }
  return loaded;
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
  const instance = await loadHighlighter();
  const lang = await loadLanguage(instance, language);
  const lines = code.split('\n');
  const result: HighlightedToken[][] = [];
  let grammarState: GrammarState | undefined;
  // Lines per task adapt to how long the last task took, so a task stays near TASK_BUDGET_MS
  // whatever the language and the machine. The first task is one line: it meets the grammar's
  // top-level rules, whose scanners are built then.
  let count = 1;
  for (let start = 0; start < lines.length; ) {
    if (start > 0) await yieldToPage();
    const began = performance.now();
    // The grammar state carries over, so a string or comment open across a task boundary
    // colours the same as if the block were tokenised at once.
    const chunk = instance.codeToTokens(lines.slice(start, start + count).join('\n'), {
      lang,
      themes: THEMES,
      ...(grammarState ? { grammarState } : {}),
      tokenizeMaxLineLength: MAX_LINE_LENGTH,
      tokenizeTimeLimit: LINE_TIME_LIMIT_MS,
    });
    start += count;
    grammarState = chunk.grammarState;
    for (const line of chunk.tokens) {
      result.push(
        line.map((token) => ({ content: token.content, style: toReactStyle(token.htmlStyle ?? {}) })),
      );
    }
    const took = performance.now() - began;
    if (took < TASK_BUDGET_MS / 2) count = Math.min(count * 2, 1024);
    else if (took > TASK_BUDGET_MS * 2) count = Math.max(Math.floor(count / 2), 1);
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
