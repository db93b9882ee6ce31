import { Lexer } from 'marked';

/** One top-level block of markdown and whether it is a link reference definition (`[1]: url`). */
export interface MarkdownBlockSource {
  text: string;
  definition: boolean;
}

/**
 * Splits markdown into top-level blocks (paragraphs, lists, tables, code fences...), each with its
 * source text, so a renderer can memoise every block but the last while a reply streams in. Only
 * the last block can still change as tokens arrive: earlier ones are settled.
 *
 * marked's lexer is used for the split only (it is fast and keeps each block's `raw` text);
 * rendering still goes through remark, block by block. Blank lines are attached to the block
 * before them so that concatenating the blocks gives back the input. Link reference definitions
 * are flagged so a renderer can hand them to every block (footnotes still resolve only within
 * their own block).
 */
export function splitMarkdown(markdown: string): MarkdownBlockSource[] {
  // marked turns CRLF into LF; doing it first keeps the blocks' text equal to the source.
  const source = markdown.replace(/\r\n?/g, '\n');
  if (source === '') return [];
  const tokens = new Lexer({ gfm: true }).lex(source);
  const blocks: MarkdownBlockSource[] = [];
  for (const token of tokens) {
    const last = blocks[blocks.length - 1];
    if (token.type === 'space' && last) {
      last.text += token.raw;
    } else {
      blocks.push({ text: token.raw, definition: token.type === 'def' });
    }
  }
  // Should the lexer ever drop or rewrite text, render the source whole rather than lose any of it.
  return blocks.map((block) => block.text).join('') === source
    ? blocks
    : [{ text: source, definition: false }];
}

/** The blocks' source texts; see {@link splitMarkdown}. */
export function splitMarkdownBlocks(markdown: string): string[] {
  return splitMarkdown(markdown).map((block) => block.text);
}
