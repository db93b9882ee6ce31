import { lexBlocks, normalizeNewlines } from './parse-markdown.ts';

/** One top-level block of markdown and whether it is a link reference definition (`[1]: url`). */
export interface MarkdownBlockSource {
  text: string;
  definition: boolean;
}

/**
 * Splits markdown into top-level blocks (paragraphs, lists, tables, code fences...), each with its
 * source text, in one linear pass of the block parser. Blank lines are attached to the block
 * before them so that concatenating the blocks gives back the input (CRLF as LF). Link reference
 * definitions are flagged.
 */
export function splitMarkdown(markdown: string): MarkdownBlockSource[] {
  const source = normalizeNewlines(markdown);
  if (source === '') return [];
  const blocks = lexBlocks(source);
  if (blocks.length === 0) return [{ text: source, definition: false }];
  return blocks.map((block, index) => ({
    text: source.slice(index === 0 ? 0 : block.start, blocks[index + 1]?.start ?? source.length),
    definition: block.type === 'definition',
  }));
}

/** The blocks' source texts; see {@link splitMarkdown}. */
export function splitMarkdownBlocks(markdown: string): string[] {
  return splitMarkdown(markdown).map((block) => block.text);
}
