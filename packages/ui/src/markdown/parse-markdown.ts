import MarkdownIt, { type Token } from 'markdown-it';

/** A token from the parser: flat, with `nesting` +1 (open), -1 (close) or 0, as markdown-it emits them. */
export type MarkdownToken = Token;

/** Link reference definitions (`[1]: https://...`) by normalised label, as markdown-it keeps them. */
export type MarkdownReferences = Record<string, { href: string; title: string }>;

/**
 * How many container markers (`>`, `-`, `1.`) one line may open. Model text is untrusted: ten
 * kilobytes of `> > > ...` once overflowed the old lexer's stack. Deeper markers become text.
 * 16 is more than any real reply nests and keeps the DOM shallow.
 */
export const MAX_LINE_NESTING = 16;
// markdown-it's own limit on open tokens (a list level opens two: the list and its item). It
// never recurses deeper than this, and stops parsing the block past it, so it sits well above
// what MAX_LINE_NESTING allows on one line and is reached only by nesting through indentation.
const MAX_TOKEN_NESTING = 120;

// markdown-it was chosen over marked, micromark and remark because its parsers are loops over
// the input with a nesting limit, its pathological-input suite (from commonmark.js) keeps
// emphasis, brackets and backticks linear, and its flat token list renders without recursion.
// Raw HTML is off: model output never becomes markup.
const md = new MarkdownIt({ html: false, linkify: true, maxNesting: MAX_TOKEN_NESTING });
// URLs are judged in one place, safeUrl, when elements render; markdown-it's own check would drop
// the link syntax and leave `[text](javascript:...)` on screen, so it lets everything through here.
md.validateLink = () => true;
// GFM autolinks need a scheme or `www.`; bare `example.com` is prose.
md.linkify.set({ fuzzyLink: false });

const CR = 13;
const LF = 10;

/** CRLF and lone CR become LF, as markdown-it's own normalisation does, so offsets stay comparable. */
export function normalizeNewlines(source: string): string {
  return source.indexOf('\r') === -1 ? source : source.replace(/\r\n?/g, '\n');
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

// The length of the container marker at `index` (`>`, `- `, `12. `), or 0 when there is none.
function markerLength(line: string, index: number): number {
  const code = line.charCodeAt(index);
  if (code === 62 /* > */) return 1;
  const next = line.charCodeAt(index + 1);
  const followedBySpace = Number.isNaN(next) || isSpace(next);
  if ((code === 45 || code === 42 || code === 43) /* - * + */ && followedBySpace) return 1;
  let end = index;
  while (end < line.length && end - index < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57)
    end++;
  if (end === index) return 0;
  const delimiter = line.charCodeAt(end);
  const after = line.charCodeAt(end + 1);
  if ((delimiter === 46 || delimiter === 41) /* . ) */ && (Number.isNaN(after) || isSpace(after))) {
    return end + 1 - index;
  }
  return 0;
}

/** Escapes the container markers of one line past `MAX_LINE_NESTING`, in one pass over its start. */
function capLineNesting(line: string): string {
  let index = 0;
  let depth = 0;
  for (;;) {
    let spaces = 0;
    while (spaces < 4 && isSpace(line.charCodeAt(index + spaces))) spaces++;
    if (spaces === 4) return line;
    const length = markerLength(line, index + spaces);
    if (length === 0) return line;
    index += spaces;
    if (depth === MAX_LINE_NESTING) {
      // A backslash before the marker's last character makes it literal: `\>`, `\-`, `12\.`.
      const at = index + length - 1;
      return `${line.slice(0, at)}\\${line.slice(at)}`;
    }
    depth++;
    index += length;
  }
}

/** Caps container nesting line by line (see {@link MAX_LINE_NESTING}). Linear in the text. */
export function capNesting(source: string): string {
  // Most text has no line that starts with a dozen markers; skip the split when none can.
  if (source.length < MAX_LINE_NESTING * 2) return source;
  let changed = false;
  const lines = source.split('\n').map((line) => {
    const capped = capLineNesting(line);
    if (capped !== line) changed = true;
    return capped;
  });
  return changed ? lines.join('\n') : source;
}

/**
 * Parses one block of markdown into tokens. `references` are the definitions found elsewhere in
 * the reply, so that `[docs][1]` resolves although `[1]: url` is another block.
 */
export function parseMarkdown(source: string, references?: MarkdownReferences): MarkdownToken[] {
  return md.parse(capNesting(source), { references: { ...references } });
}

/** Parses text as the inside of a paragraph (no blocks): for runs of a long streaming paragraph. */
export function parseInlineMarkdown(source: string): MarkdownToken[] {
  return md.parseInline(source, { references: {} });
}

/** A top-level block found by {@link lexBlocks}: where it starts and what kind it is. */
export interface LexedBlock {
  start: number;
  /** The opening token's type (`paragraph_open`, `fence`, `table_open`, ...), or `definition`. */
  type: string;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  let index = source.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = source.indexOf('\n', index + 1);
  }
  return starts;
}

function hasText(source: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = source.charCodeAt(index);
    if (!isSpace(code) && code !== LF && code !== CR) return true;
  }
  return false;
}

/**
 * Finds the top-level blocks of `source` (block structure only, no inline parsing), linear in its
 * length. Link reference definitions come back as `definition` blocks. Lines no token covers but
 * that hold text (what lies past the parser's nesting limit) become a block of their own rather
 * than disappear.
 */
export function lexBlocks(source: string, references: MarkdownReferences = {}): LexedBlock[] {
  const tokens: MarkdownToken[] = [];
  md.block.parse(capNesting(source), md, { references }, tokens);
  const starts = lineStarts(source);
  const offset = (line: number) => starts[line] ?? source.length;
  const blocks: LexedBlock[] = [];
  let covered = 0;
  for (const token of tokens) {
    if (token.level !== 0 || token.nesting === -1 || !token.map) continue;
    const [first, last] = token.map;
    if (hasText(source, offset(covered), offset(first))) {
      blocks.push({ start: offset(covered), type: 'paragraph_open' });
    }
    blocks.push({
      start: offset(first),
      type: token.type === 'reference_definition' ? 'definition' : token.type,
    });
    covered = last;
  }
  if (hasText(source, offset(covered), source.length)) {
    blocks.push({ start: offset(covered), type: 'paragraph_open' });
  }
  return blocks;
}
