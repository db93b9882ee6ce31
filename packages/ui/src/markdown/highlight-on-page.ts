// Highlighting on the page's main thread, in short tasks: where a Web Worker cannot run (no Worker, a
// bundler or a content security policy that will not load it). See highlight.ts.
import type { GrammarState } from 'shiki/core';
import { yieldToPage } from './compile-grammar.ts';
import { loadGrammars } from './highlight-grammars.ts';
import {
  type HighlightedToken,
  LINE_TIME_LIMIT_MS,
  type PackedTokens,
  packTokens,
  unpackTokens,
} from './highlight-tokens.ts';
import type { ParleyHighlighter } from './highlighter-setup.ts';

// Tokenising runs in tasks of about this many milliseconds, between which the page handles input
// and paints: a 60 KB block highlights in many short tasks instead of one long one.
const TASK_BUDGET_MS = 8;

let highlighter: Promise<ParleyHighlighter> | undefined;
const languages = new Map<string, Promise<string>>();

// shiki's core, the JavaScript regex engine (no WebAssembly to fetch and compile) and the two themes load
// with the first code block.
function loadHighlighter(): Promise<ParleyHighlighter> {
  highlighter ??= import('./highlighter-setup.ts').then(({ createParleyHighlighter }) =>
    createParleyHighlighter(),
  );
  highlighter.catch(() => {
    highlighter = undefined;
    languages.clear();
  });
  return highlighter;
}

// The language's own grammar is compiled in short tasks before it is registered (see compile-grammar.ts).
function loadLanguage(instance: ParleyHighlighter, language: string): Promise<string> {
  let loaded = languages.get(language);
  if (!loaded) {
    loaded = loadGrammars(language).then(async (grammars) => {
      if (!grammars) return 'text';
      await instance.register(grammars, 'own');
      return language;
    });
    loaded.catch(() => languages.delete(language));
    languages.set(language, loaded);
  }
  return loaded;
}

/** Highlights `code` on the page, a few milliseconds of tokenising per task. */
export async function highlightOnPage(code: string, language: string): Promise<HighlightedToken[][]> {
  const instance = await loadHighlighter();
  const lang = await loadLanguage(instance, language);
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
    const chunk = instance.tokenize(
      lines.slice(start, start + count).join('\n'),
      lang,
      LINE_TIME_LIMIT_MS,
      grammarState,
    );
    start += count;
    grammarState = chunk.grammarState;
    packTokens(chunk.tokens, packed, styleIndex);
    const took = performance.now() - began;
    if (took < TASK_BUDGET_MS / 2) count = Math.min(count * 2, 1024);
    else if (took > TASK_BUDGET_MS * 2) count = Math.max(Math.floor(count / 2), 1);
  }
  return unpackTokens(packed);
}
