/**
 * Replies that once hung or crashed the renderer, as issue 10 found them, and the large ones the
 * benchmarks stream. Shared by the tests (small sizes) and bench/markdown-stream (full sizes).
 */
export const pathologicalMarkdown = {
  /** A table head and a line of `| ` pairs: the old delimiter-row regex backtracked exponentially. */
  tableDelimiterBacktrack: `| a | b |\n|${'| '.repeat(24)}word`,
  /** Nested blockquote markers on one line (10 KB at 5,000): overflowed the old lexer's stack. */
  quoteNesting: (markers: number) => `${'> '.repeat(markers)}deep`,
  /** Nested list markers on one line. */
  listNesting: (markers: number) => `${'- '.repeat(markers)}deep`,
  /** Emphasis delimiters without partners: seconds per token once. */
  emphasisRun: (delimiters: number) => `${'*a _b '.repeat(Math.ceil(delimiters / 2))}end`,
  /** A fenced code block of `bytes` bytes. */
  codeBlock: (bytes: number) =>
    `\`\`\`ts\n${'const value = compute(input, 42); // a line of code\n'.repeat(Math.ceil(bytes / 52))}\`\`\`\n`,
  /** A GFM table of `rows` rows. */
  table: (rows: number) =>
    `| # | name | value |\n| --- | --- | ---: |\n${Array.from({ length: rows }, (_, row) => `| ${row} | item ${row} | **${row * 3}** |\n`).join('')}`,
  /** One line of `bytes` characters without spaces. */
  longLine: (bytes: number) => 'x'.repeat(bytes),
};

/** Splits text into tokens of about `size` characters, as a model streams them. */
export function toTokens(text: string, size = 5): string[] {
  const tokens: string[] = [];
  for (let start = 0; start < text.length; start += size) tokens.push(text.slice(start, start + size));
  return tokens;
}
