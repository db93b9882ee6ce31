// Compiling a TextMate grammar ahead of tokenising, in short tasks. shiki's JavaScript engine turns
// each Oniguruma pattern into a RegExp the first time a scanner needs it, and the first line of a
// language needs hundreds at once (the grammar's top-level rules): that was one task of 0.5-1 s
// on the first code block of a page. Here the same constructor fills the engine's cache first, a
// few milliseconds at a time, so tokenising finds every pattern compiled.

/** Work between two yields to the page, in milliseconds. */
const COMPILE_BUDGET_MS = 8;
// The keys of a grammar rule that hold a pattern (`end` and `while` may also be rewritten per
// match when they use back-references; those few compile when first met).
const PATTERN_KEYS = new Set(['match', 'begin', 'end', 'while']);

/** A new task, so input and paint run in between (a message: no setTimeout clamping). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

// Every pattern string in a grammar: its rules, repository, captures and injections.
function patternsOf(grammar: unknown): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [grammar];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value !== 'string') stack.push(value);
      // vscode-textmate rewrites `\z` before compiling, so the engine's cache is keyed by that.
      else if (PATTERN_KEYS.has(key)) found.add(value.replaceAll('\\z', '$(?!\\n)(?<!\\n)'));
    }
  }
  return [...found];
}

/**
 * Compiles the patterns of `grammar` into `cache` (the engine's, keyed by pattern) with
 * `construct`, yielding to the page every few milliseconds. A pattern that fails to compile is
 * cached as its error, as the engine does in forgiving mode.
 */
export async function compileGrammar(
  grammar: unknown,
  cache: Map<string, RegExp | Error>,
  construct: (pattern: string) => RegExp,
): Promise<void> {
  let started = performance.now();
  for (const pattern of patternsOf(grammar)) {
    if (cache.has(pattern)) continue;
    try {
      const regex = construct(pattern);
      // V8 compiles a RegExp on its first search (to bytecode) and again on its second (to machine
      // code); two searches of '' do both here instead of in the tokenizer's first task.
      regex.exec('');
      regex.exec('');
      regex.lastIndex = 0;
      cache.set(pattern, regex);
    } catch (error) {
      cache.set(pattern, error instanceof Error ? error : new Error(String(error)));
    }
    if (performance.now() - started > COMPILE_BUDGET_MS) {
      await yieldToPage();
      started = performance.now();
    }
  }
}
