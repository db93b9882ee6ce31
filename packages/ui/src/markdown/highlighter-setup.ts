// shiki set up the way Parley highlights, wherever it runs: the Web Worker imports this directly
// (highlight-worker.ts), the page on demand where no worker can run (highlight-on-page.ts).
import dark from '@shikijs/themes/github-dark-default';
import light from '@shikijs/themes/github-light-default';
import {
  createHighlighterCore,
  type GrammarState,
  type HighlighterCore,
  type LanguageRegistration,
  type ThemedToken,
} from 'shiki/core';
import { createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor } from 'shiki/engine/javascript';
import { compileGrammar } from './compile-grammar.ts';
import { guardLineTimeLimit, MAX_LINE_LENGTH, THEMES } from './highlight-tokens.ts';

/** One shiki core with the two themes, the JavaScript regex engine and the languages registered so far. */
export interface ParleyHighlighter {
  /**
   * Registers `grammars` (a language's own last, after those it embeds). shiki's per-line time limit
   * would otherwise also count the compiling of the hundreds of patterns the first line of a language
   * meets, and cut that line short (miscolouring it), so patterns are compiled first, in short tasks:
   * those of every grammar (`'all'`) or of the language's own only (`'own'`, the embedded ones compile
   * when a block first enters them).
   */
  register(grammars: LanguageRegistration[], compile: 'all' | 'own'): Promise<void>;
  /** Tokenises `code` (a piece of a block, continuing from `grammarState` if given) in both themes. */
  tokenize(
    code: string,
    language: string,
    lineTimeLimitMs: number,
    grammarState?: GrammarState | undefined,
  ): { tokens: ThemedToken[][]; grammarState?: GrammarState | undefined };
}

export async function createParleyHighlighter(): Promise<ParleyHighlighter> {
  // The engine's compiled regular expressions by pattern, filled ahead of use by compileGrammar.
  const compiled = new Map<string, RegExp | Error>();
  const instance: HighlighterCore = await createHighlighterCore({
    themes: [light, dark],
    langs: [],
    engine: createJavaScriptRegexEngine({ forgiving: true, cache: compiled }),
  });
  // What createJavaScriptRegexEngine compiles with by default.
  const construct = (pattern: string) => defaultJavaScriptRegexConstructor(pattern, { target: 'auto' });
  return {
    async register(grammars, compile) {
      for (const grammar of compile === 'all' ? grammars : grammars.slice(-1)) {
        await compileGrammar(grammar, compiled, construct);
      }
      await instance.loadLanguage(grammars);
    },
    tokenize(code, language, lineTimeLimitMs, grammarState) {
      guardLineTimeLimit(instance, language);
      return instance.codeToTokens(code, {
        lang: language,
        themes: THEMES,
        ...(grammarState ? { grammarState } : {}),
        tokenizeMaxLineLength: MAX_LINE_LENGTH,
        tokenizeTimeLimit: lineTimeLimitMs,
      });
    },
  };
}
