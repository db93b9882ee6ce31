// Code highlighting with shiki, off the page's main thread. A Web Worker tokenises (highlight-worker.ts):
// however long a block, the page only receives its tokens. The page loads each language's grammars on
// demand and hands them over with the first block in that language, so the worker needs no code splitting
// from the app's bundler. Where no worker can run (no Worker, or its script fails to load: a bundler that
// did not emit it, a content security policy), the page highlights in short tasks (highlight-on-page.ts).
import { loadGrammars } from './highlight-grammars.ts';
import { highlightOnPage } from './highlight-on-page.ts';
import { type HighlightedToken, unpackTokens } from './highlight-tokens.ts';
import type { HighlightRequest, HighlightResponse } from './highlight-worker.ts';

export type { HighlightedToken } from './highlight-tokens.ts';

// A long conversation has many code blocks; this bounds the cache, not correctness.
const CACHE_LIMIT = 200;
const cache = new Map<string, Promise<HighlightedToken[][]>>();

interface Pending {
  code: string;
  language: string;
  resolve(tokens: HighlightedToken[][] | Promise<HighlightedToken[][]>): void;
  reject(error: Error): void;
}

/** `undefined` until the first block; `null` once a worker proved impossible here. */
let worker: Worker | null | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();
// Languages whose grammars the worker has been sent.
const sentLanguages = new Set<string>();

/** Stops using the worker: what it had not answered yet is highlighted on the page. */
function abandonWorker() {
  worker?.terminate();
  worker = null;
  for (const { code, language, resolve } of pending.values()) resolve(highlightOnPage(code, language));
  pending.clear();
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  if (typeof Worker === 'undefined') return null;
  let started: Worker;
  try {
    // The literal `new Worker(new URL('./…', import.meta.url))` is what app bundlers (Vite, webpack,
    // Next.js) recognise to emit the worker as a file of its own.
    started = new Worker(new URL('./highlight-worker.js', import.meta.url), {
      type: 'module',
      name: 'parley-highlighter',
    });
  } catch {
    return null;
  }
  worker = started;
  started.onmessage = ({ data }: MessageEvent<HighlightResponse>) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if ('tokens' in data) request.resolve(unpackTokens(data.tokens));
    else request.reject(new Error(data.error));
  };
  // The script did not load or run: the page takes over, for these blocks and the next.
  started.onerror = (event) => {
    event.preventDefault();
    abandonWorker();
  };
  return started;
}

async function tokenize(code: string, language: string): Promise<HighlightedToken[][]> {
  if (!startWorker()) return highlightOnPage(code, language);
  const grammars = await loadGrammars(language);
  const target = worker;
  if (!target) return highlightOnPage(code, language);
  const first = grammars !== undefined && !sentLanguages.has(language);
  if (first) sentLanguages.add(language);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { code, language, resolve, reject });
    const request: HighlightRequest = {
      id,
      code,
      language: grammars ? language : 'text',
      grammars: first ? grammars : undefined,
    };
    target.postMessage(request);
  });
}

/**
 * Highlights `code` as `language` with shiki, in a Web Worker where one can run and in short tasks on the
 * page otherwise; shiki and the language's grammar load on first use. Results are cached per code and
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
