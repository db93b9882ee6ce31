// Highlighting on the page's main thread, in short tasks: where a Web Worker cannot run (no Worker, a
// bundler or a content security policy that will not load it). See highlight.ts.
import type { GrammarState, HighlighterCore } from 'shiki/core';
import { compileGrammar, yieldToPage } from './compile-grammar.ts';
import { loadGrammars } from './highlight-grammars.ts';
import {
  guardLineTimeLimit,
  type HighlightedToken,
  LINE_TIME_LIMIT_MS,
  MAX_LINE_LENGTH,
  type PackedTokens,
  packTokens,
  THEMES,
  unpackTokens,
} from './highlight-tokens.ts';

// Tokenising runs in tasks of about this many milliseconds, between which the page handles input
// and paints: a 60 KB block highlights in many short tasks instead of one long one.
const TASK_BUDGET_MS = 8;

let highlighter: Promise<HighlighterCore> | undefined;
// The engine's compiled regular expressions by pattern, filled ahead of use by compileGrammar.
const compiled = new Map<string, RegExp | Error>();
const languages = new Map<string, Promise<string>>();

// shiki's core, the JavaScript regex engine (no WebAssembly to fetch and compile) and the two themes load
// with the first code block.
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

// The grammar is compiled in short tasks before it is registered (see compile-grammar.ts).
function loadLanguage(instance: HighlighterCore, language: string): Promise<string> {
  let loaded = languages.get(language);
  if (!loaded) {
    loaded = (async () => {
      const [grammars, { defaultJavaScriptRegexConstructor }] = await Promise.all([
        loadGrammars(language),
        import('shiki/engine/javascript'),
      ]);
      if (!grammars) return 'text';
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

/** Highlights `code` on the page, a few milliseconds of tokenising per task. */
export async function highlightOnPage(code: string, language: string): Promise<HighlightedToken[][]> {
  const instance = await loadHighlighter();
  const lang = await loadLanguage(instance, language);
  guardLineTimeLimit(instance, lang);
  const lines = code.split('\n');
  const packed: PackedTokens = { styles: [], lines: [] };
  const styleIndex = new Map<string, number>();
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
    packTokens(chunk.tokens, packed, styleIndex);
    const took = performance.now() - began;
    if (took < TASK_BUDGET_MS / 2) count = Math.min(count * 2, 1024);
    else if (took > TASK_BUDGET_MS * 2) count = Math.max(Math.floor(count / 2), 1);
  }
  return unpackTokens(packed);
}
