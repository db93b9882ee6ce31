// The highlighter's Web Worker: shiki tokenises here, off the page's main thread, so a long code block
// never holds up input or paint however long it takes. It imports nothing on demand (a bundler's worker
// build may not split code): the page loads each language's grammars and sends them with the first block
// in that language (see highlight.ts).
import type { LanguageRegistration } from 'shiki/core';
import { type PackedTokens, packTokens, WORKER_LINE_TIME_LIMIT_MS } from './highlight-tokens.ts';
import { createParleyHighlighter } from './highlighter-setup.ts';

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

const highlighter = createParleyHighlighter();

async function highlight({ code, language, grammars }: HighlightRequest): Promise<PackedTokens> {
  const instance = await highlighter;
  if (grammars) await instance.register(grammars, 'all');
  const { tokens } = instance.tokenize(code, language, WORKER_LINE_TIME_LIMIT_MS);
  return packTokens(tokens, { styles: [], lines: [] }, new Map());
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
