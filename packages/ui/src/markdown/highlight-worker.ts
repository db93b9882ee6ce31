// The highlighter's Web Worker: shiki tokenises here, off the page's main thread, so a long code block
// never holds up input or paint however long it takes. It imports nothing on demand (a bundler's worker
// build may not split code): the page loads each language's grammars and sends them with the first block
// in that language (see highlight.ts).
import dark from '@shikijs/themes/github-dark-default';
import light from '@shikijs/themes/github-light-default';
import { createHighlighterCore, type HighlighterCore, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine, defaultJavaScriptRegexConstructor } from 'shiki/engine/javascript';
import { compileGrammar } from './compile-grammar.ts';
import {
  guardLineTimeLimit,
  MAX_LINE_LENGTH,
  type PackedTokens,
  packTokens,
  THEMES,
  WORKER_LINE_TIME_LIMIT_MS,
} from './highlight-tokens.ts';

/** A block to highlight; `grammars` come with the first block in a language. */
export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
  grammars?: LanguageRegistration[] | undefined;
}

/** The tokens of request `id`, or why there are none. */
export type HighlightResponse = { id: number; tokens: PackedTokens } | { id: number; error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<HighlightRequest>) => void) | null;
  postMessage(message: HighlightResponse): void;
}
const scope = self as unknown as WorkerScope;

// The engine's compiled regular expressions by pattern.
const compiled = new Map<string, RegExp | Error>();
const highlighter = createHighlighterCore({
  themes: [light, dark],
  langs: [],
  engine: createJavaScriptRegexEngine({ forgiving: true, cache: compiled }),
});

// shiki's per-line time limit would otherwise also count the compiling of the hundreds of patterns the
// first line of a language meets, and cut that line short (miscolouring it): compile them all first.
async function register(instance: HighlighterCore, grammars: LanguageRegistration[]) {
  for (const grammar of grammars) {
    await compileGrammar(grammar, compiled, (pattern) =>
      defaultJavaScriptRegexConstructor(pattern, { target: 'auto' }),
    );
  }
  await instance.loadLanguage(grammars);
}

function highlight({ code, language, grammars }: HighlightRequest): Promise<PackedTokens> {
  return highlighter.then(async (instance) => {
    if (grammars) await register(instance, grammars);
    guardLineTimeLimit(instance, language);
    const { tokens } = instance.codeToTokens(code, {
      lang: language,
      themes: THEMES,
      tokenizeMaxLineLength: MAX_LINE_LENGTH,
      tokenizeTimeLimit: WORKER_LINE_TIME_LIMIT_MS,
    });
    return packTokens(tokens, { styles: [], lines: [] }, new Map());
  });
}

// One request at a time, in order: a block's grammars are registered before the next block uses them.
let queue: Promise<unknown> = Promise.resolve();
scope.onmessage = ({ data }) => {
  queue = queue.then(() =>
    highlight(data).then(
      (tokens) => scope.postMessage({ id: data.id, tokens }),
      (error: unknown) => scope.postMessage({ id: data.id, error: String(error) }),
    ),
  );
};
