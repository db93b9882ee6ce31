import { Lexer } from 'marked';

/**
 * Splits markdown into top-level blocks (paragraphs, lists, tables, code fences...), each with its
 * source text, so a renderer can memoise every block but the last while a reply streams in. Only
 * the last block can still change as tokens arrive: earlier ones are settled.
 *
 * marked's lexer is used for the split only (it is fast and keeps each block's `raw` text);
 * rendering still goes through remark, block by block. Blank lines are attached to the block
 * before them so that concatenating the blocks gives back the input.
 *
 * Known limit, shared with streamdown: reference-style link definitions and footnotes resolve only
 * within their own block.
 */
export function splitMarkdownBlocks(markdown: string): string[] {
  // marked turns CRLF into LF; doing it first keeps the blocks' text equal to the source.
  const source = markdown.replace(/\r\n?/g, '\n');
  if (source === '') return [];
  const tokens = new Lexer({ gfm: true }).lex(source);
  const blocks: string[] = [];
  for (const token of tokens) {
    const last = blocks.length - 1;
    if (token.type === 'space' && last >= 0) {
      blocks[last] += token.raw;
    } else {
      blocks.push(token.raw);
    }
  }
  // Should the lexer ever drop or rewrite text, render the source whole rather than lose any of it.
  return blocks.join('') === source ? blocks : [source];
}
