import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlight.ts';
import { highlightOnPage } from './highlight-on-page.ts';
import type { HighlightedToken } from './highlight-tokens.ts';

// A block long enough to be tokenised over many tasks, with comments and template strings that
// span two lines, so some of them span a boundary between tasks.
const FUNCTION = (line: number) =>
  `export function f${line}(input: number): string { return String(input * ${line}); } // ${line}`;
const lines = Array.from({ length: 600 }, (_, line) =>
  line % 7 === 3
    ? '/* a comment that goes on\n   over a second line */'
    : line % 11 === 5
      ? `const text = \`a template\n\${value} that spans lines\`;`
      : FUNCTION(line),
).flatMap((text) => text.split('\n'));

const colourOf = (line: HighlightedToken[] | undefined, text: string) =>
  line?.find((token) => token.content.includes(text))?.style.color;

// In Chromium the highlighter tokenises in a Web Worker; the page's own short-task tokenizer is what runs
// where no worker can. Both must colour the same.
describe.each([
  ['in a Web Worker', highlightCode],
  ['on the page, in short tasks', highlightOnPage],
])('highlighting %s', (_where, highlight) => {
  it('colours a long block the same whatever task a line falls in', { timeout: 60_000 }, async () => {
    const highlighted = await highlight(lines.join('\n'), 'ts');
    expect(highlighted.map((line) => line.map((token) => token.content).join(''))).toEqual(lines);
    const first = highlighted[0];
    const keyword = colourOf(first, 'export');
    const parameter = colourOf(first, 'input');
    const comment = colourOf(first, '// 0');
    const string = colourOf(highlighted[lines.indexOf('const text = `a template')], 'a template');
    expect(new Set([keyword, parameter, comment, string]).size).toBe(4);
    for (const [index, text] of lines.entries()) {
      const line = highlighted[index];
      if (text.startsWith('export')) {
        expect([colourOf(line, 'export'), colourOf(line, 'input')]).toEqual([keyword, parameter]);
      } else if (text.startsWith('   over')) {
        expect(colourOf(line, 'second line')).toBe(comment);
      } else if (text.startsWith('$' + '{value}')) {
        expect(colourOf(line, 'that spans')).toBe(string);
      }
    }
  });

  it('leaves a language it does not know plain', async () => {
    const [line] = await highlight('plain words', 'not-a-language');
    expect(line?.map((token) => token.content).join('')).toBe('plain words');
  });
});

describe('highlightCode', () => {
  it('highlights blocks of several languages asked for at once, a language embedded in another too', async () => {
    const [python, html, again] = await Promise.all([
      highlightCode('def answer():\n    return 42', 'python'),
      highlightCode('<script>\nconst inside = 1;\n</script>', 'html'),
      highlightCode('def other():\n    pass', 'python'),
    ]);
    const colour = (lines: HighlightedToken[][] | undefined, text: string) =>
      lines?.flat().find((token) => token.content === text)?.style.color;
    expect(colour(python, 'def')).toMatch(/^#/);
    expect(colour(again, 'def')).toBe(colour(python, 'def'));
    // The script's JavaScript is coloured by the embedded grammar, not left as the tag's text.
    expect(colour(html, 'const')).toMatch(/^#/);
    expect(colour(html, 'const')).not.toBe(colour(html, 'inside'));
  });

  it('tokenises in a Web Worker where one can run, not on the page', async () => {
    await highlightCode('const answer = 42;', 'js');
    const scripts = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(scripts.some((name) => name.includes('highlight-worker'))).toBe(true);
  });
});
