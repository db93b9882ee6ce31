// What the highlighter hands the page, wherever it ran (a Web Worker or the page itself): lines of tokens,
// each a piece of text with inline colours for both themes, never HTML.
import type { ThemedToken } from 'shiki/core';

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
