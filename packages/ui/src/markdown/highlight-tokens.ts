// What the highlighter hands the page, wherever it ran (a Web Worker or the page itself): lines of tokens,
// each a piece of text with inline colours for both themes, never HTML.
import type { HighlighterCore, ThemedToken } from 'shiki/core';

/** One highlighted piece of a line: its text and inline colours for the light and dark theme. */
export interface HighlightedToken {
  content: string;
  style: Record<string, string>;
}

/** Colours are in the tokens; the default theme switches to `--shiki-dark` under its dark tokens. */
export const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
// Lines longer than this stay plain: a minified bundle or a 200 KB line would take one long task,
// and colour adds nothing to it.
export const MAX_LINE_LENGTH = 2000;
// shiki's per-line budget before it gives up on a line (its default is 500 ms), against patterns
// that backtrack for ever. It is wall time: at 20 ms a loaded machine (the tests on two shared
// cores) cut ordinary lines short, and the state a cut line leaves miscoloured the lines after it.
// On the page a line is a task, so it stays short there; in the worker nothing waits on a line but
// the next block, and a thread descheduled on a busy machine must not cut lines (miscolouring them).
export const LINE_TIME_LIMIT_MS = 100;
export const WORKER_LINE_TIME_LIMIT_MS = 1000;

/** The part of a TextMate grammar the guard below wraps (vscode-textmate's `tokenizeLine2`). */
interface LineTokenizer {
  tokenizeLine2(
    line: string,
    previous: unknown,
    timeLimit?: number,
  ): { tokens: Uint32Array; ruleStack: unknown; stoppedEarly: boolean };
}
const guarded = new WeakSet<object>();

/**
 * A line cut short by the time limit leaves the grammar in the middle of that line: inside a comment it
 * opened, say, and every later line of the block would be coloured as that comment. Here a cut line is
 * tried once more (the likely cause is a thread paused by a busy machine, not the line), and if it is
 * cut again the next line starts from the state before it, as VS Code does: the cut line alone stays
 * partly plain. Wraps the language's grammar once; shiki asks it for every line, in every theme.
 */
export function guardLineTimeLimit(instance: HighlighterCore, language: string): void {
  let grammar: LineTokenizer;
  try {
    grammar = instance.getLanguage(language) as unknown as LineTokenizer;
  } catch {
    return; // Plain text has no grammar.
  }
  if (guarded.has(grammar)) return;
  guarded.add(grammar);
  const tokenize = grammar.tokenizeLine2.bind(grammar);
  grammar.tokenizeLine2 = (line, previous, timeLimit) => {
    let result = tokenize(line, previous, timeLimit);
    if (result.stoppedEarly) result = tokenize(line, previous, timeLimit);
    return result.stoppedEarly ? { ...result, ruleStack: previous } : result;
  };
}

/**
 * Tokens as they cross from the worker: each distinct style once, and each token as its text and the index
 * of its style, which structured cloning copies far faster than an object per token.
 */
export interface PackedTokens {
  styles: Record<string, string>[];
  lines: Array<Array<string | number>>;
}

// shiki gives CSS property names (`font-style`); React wants camelCase except for custom properties.
function toReactStyle(style: Record<string, string>): Record<string, string> {
  const entries = Object.entries(style).map(([name, value]) => [
    name.startsWith('--') ? name : name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    value,
  ]);
  return Object.fromEntries(entries);
}

/** Packs shiki's lines of tokens: `lines[n]` alternates a token's text and its style's index. */
export function packTokens(tokens: ThemedToken[][], into: PackedTokens, styleIndex: Map<string, number>) {
  for (const line of tokens) {
    const packed: Array<string | number> = [];
    for (const token of line) {
      const style = toReactStyle(token.htmlStyle ?? {});
      const key = JSON.stringify(style);
      let index = styleIndex.get(key);
      if (index === undefined) {
        index = into.styles.push(style) - 1;
        styleIndex.set(key, index);
      }
      packed.push(token.content, index);
    }
    into.lines.push(packed);
  }
  return into;
}

/** The tokens back as objects; tokens of one style share its object. */
export function unpackTokens({ styles, lines }: PackedTokens): HighlightedToken[][] {
  return lines.map((line) => {
    const tokens: HighlightedToken[] = [];
    for (let index = 0; index < line.length; index += 2) {
      tokens.push({ content: line[index] as string, style: styles[line[index + 1] as number] ?? {} });
    }
    return tokens;
  });
}
