import { type LexedBlock, lexBlocks, type MarkdownReferences, normalizeNewlines } from './parse-markdown.ts';

/**
 * The most text of a streaming block that is parsed again per token. A block that grows past it
 * is cut into frozen chunks that are parsed once, so a token costs the same at the start and the
 * end of any block. 4 KB parses in well under a millisecond.
 */
export const LIVE_LIMIT = 4096;
/**
 * Blocks whose parts can be rendered apart are cut finer than LIVE_LIMIT, since a token re-renders
 * every element of the live part: a paragraph every ~512 characters (at a space), a table or code
 * block every 16 lines. The numbers keep the live part to a few dozen elements.
 */
const PARAGRAPH_CHUNK = 512;
const LINES_PER_CHUNK = 16;

type LongKind = 'code' | 'table' | 'paragraph' | 'segments';

/** A top-level block that will not change while the reply grows. */
export interface SettledBlock {
  text: string;
  /** The block is a link reference definition (`[1]: https://...`) and renders nothing. */
  definition: boolean;
  /** The block has a `[` and may use a reference defined in another block. */
  mayReference: boolean;
  /**
   * A table that streamed as a long tail keeps its chunks once settled, so that it renders as it
   * did (nothing is rebuilt when the reply ends).
   */
  table?: LongTable | undefined;
}

/** A long table's parts: the head every chunk is parsed under, the frozen chunks, the rest. */
export interface LongTable {
  head: string;
  chunks: string[];
  rest: string;
}

/** The last, still growing block of a streaming reply. */
export type LiveTail =
  /** A block small enough to parse whole per token. */
  | { kind: 'block'; text: string }
  /** A long block, rendered as frozen chunks plus the growing rest. `head` is a fence's opening
   * line or a table's header and delimiter rows, which every chunk is read under. */
  | { kind: LongKind; head: string; chunks: string[]; rest: string };

/** Where a streaming reply's blocks stand after a token. Build with {@link advanceSplit}. */
export interface MarkdownSplit {
  source: string;
  settled: SettledBlock[];
  /** Definitions found in settled blocks; a new object only when one is added. */
  references: MarkdownReferences;
  tail: LiveTail | undefined;
  // Internal cursor: where the tail starts, and for a long block where its unfrozen rest starts.
  tailStart: number;
  frozenEnd: number;
}

const EMPTY_REFERENCES: MarkdownReferences = {};

function settle(
  split: MarkdownSplit,
  texts: { text: string; type: string; table?: LongTable | undefined }[],
): void {
  if (texts.length === 0) return;
  let references = split.references;
  const blocks = texts.map(({ text, type, table }) => {
    if (text.includes(']:')) {
      const found: MarkdownReferences = {};
      lexBlocks(text, found);
      // The first definition of a label wins, as in CommonMark.
      if (Object.keys(found).length > 0) references = { ...found, ...references };
    }
    return { text, definition: type === 'definition', mayReference: text.includes('['), table };
  });
  split.settled = [...split.settled, ...blocks];
  split.references = references;
}

function blockTexts(source: string, base: number, blocks: LexedBlock[], end: number) {
  return blocks.map((block, index) => ({
    text: source.slice(
      index === 0 ? base : base + block.start,
      base + (blocks[index + 1]?.start ?? end - base),
    ),
    type: block.type,
  }));
}

// --- where a long block may be cut, and where it ends ---------------------------------------

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// A cut at `limit` that does not split a UTF-16 surrogate pair.
function hardCut(text: string, limit: number): number {
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

// Where to freeze the front of a long block's unfrozen `rest`, or undefined while it is short enough.
function cutPoint(rest: string, kind: LongKind): number | undefined {
  if (kind === 'paragraph') {
    if (rest.length <= PARAGRAPH_CHUNK) return undefined;
    // Cutting at a space keeps words whole; the chunks render as inline runs of one paragraph.
    const space = Math.max(
      rest.lastIndexOf(' ', PARAGRAPH_CHUNK - 1),
      rest.lastIndexOf('\n', PARAGRAPH_CHUNK - 1),
    );
    return space > PARAGRAPH_CHUNK / 4 ? space + 1 : hardCut(rest, PARAGRAPH_CHUNK);
  }
  if (kind === 'code' || kind === 'table') {
    let lineEnd = -1;
    for (let line = 0; line < LINES_PER_CHUNK; line++) {
      lineEnd = rest.indexOf('\n', lineEnd + 1);
      if (lineEnd === -1 || lineEnd >= LIVE_LIMIT) break;
    }
    if (lineEnd !== -1 && lineEnd < LIVE_LIMIT && lineEnd + 1 < rest.length) return lineEnd + 1;
    if (rest.length <= LIVE_LIMIT) return undefined;
    const newline = rest.lastIndexOf('\n', LIVE_LIMIT - 1);
    if (newline >= 0) return newline + 1;
    // A row cannot be cut; code can, anywhere (it is plain text while it streams).
    return kind === 'code' ? hardCut(rest, LIVE_LIMIT) : undefined;
  }
  if (rest.length <= LIVE_LIMIT) return undefined;
  const window = rest.slice(0, LIVE_LIMIT);
  const newline = window.lastIndexOf('\n');
  // A chunk is parsed on its own: starting it at an unindented line keeps a nested list item
  // from reading as indented code.
  for (let at = newline; at > LIVE_LIMIT / 2; at = window.lastIndexOf('\n', at - 1)) {
    const next = window.charCodeAt(at + 1);
    if (next !== 32 && next !== 9) return at + 1;
  }
  if (newline > 0) return newline + 1;
  const space = window.lastIndexOf(' ');
  return space > 0 ? space + 1 : hardCut(rest, LIVE_LIMIT);
}

function leadingSpaces(line: string): number {
  let spaces = 0;
  while (spaces < line.length && line[spaces] === ' ') spaces++;
  return spaces;
}

function fenceRun(line: string): { char: string; length: number } | undefined {
  const start = leadingSpaces(line);
  const char = line[start];
  if (start > 3 || (char !== '`' && char !== '~')) return undefined;
  let end = start;
  while (line[end] === char) end++;
  return end - start >= 3 ? { char, length: end - start } : undefined;
}

function closesFence(head: string, line: string): boolean {
  const open = fenceRun(head);
  const close = fenceRun(line);
  return (
    open !== undefined &&
    close !== undefined &&
    close.char === open.char &&
    close.length >= open.length &&
    line.slice(leadingSpaces(line) + close.length).trim() === ''
  );
}

// A line that ends a table: blank, indented as code, or the start of another kind of block.
function endsTable(line: string): boolean {
  const spaces = leadingSpaces(line);
  const body = line.slice(spaces);
  if (body.trim() === '' || spaces >= 4) return true;
  const first = body[0];
  if (first === '#' || first === '>' || fenceRun(body)) return true;
  if ((first === '-' || first === '*' || first === '+') && (body[1] === ' ' || body[1] === undefined))
    return true;
  return /^\d{1,9}[.)]( |$)/.test(body);
}

// The end (offset in `text`) of a long block whose unfrozen part is `text`, if it ended there.
function findEnd(tail: Exclude<LiveTail, { kind: 'block' }>, text: string): number | undefined {
  if (tail.kind === 'paragraph') {
    // The text continues a paragraph mid-line: a letter in front makes the parser read it so,
    // and a blank line or an interrupting block then shows as a second block.
    const second = lexBlocks(`x${text}`)[1];
    return second && canSettleBefore(text, second.start - 1, 'paragraph_open') ? second.start - 1 : undefined;
  }
  if (tail.kind === 'segments') {
    const [first, second] = lexBlocks(text);
    return second && canSettleBefore(text, second.start, first?.type ?? '') ? second.start : undefined;
  }
  // Only complete lines count: a closing fence or a new block is known once its line ends.
  let start = 0;
  for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end);
    if (tail.kind === 'code' && closesFence(tail.head, line)) return end + 1;
    if (tail.kind === 'table' && endsTable(line)) return start;
    start = end + 1;
  }
  return undefined;
}

// --- advancing ------------------------------------------------------------------------------

function emptySplit(): MarkdownSplit {
  return {
    source: '',
    settled: [],
    references: EMPTY_REFERENCES,
    tail: undefined,
    tailStart: 0,
    frozenEnd: 0,
  };
}

function firstLines(text: string, count: number): string {
  let end = 0;
  for (let line = 0; line < count; line++) {
    const newline = text.indexOf('\n', end);
    if (newline === -1) return text;
    end = newline + 1;
  }
  return text.slice(0, end);
}

function longKind(type: string): LongKind {
  if (type === 'fence') return 'code';
  if (type === 'table_open') return 'table';
  return type === 'paragraph_open' ? 'paragraph' : 'segments';
}

// `lead` is the blank text before the block proper (the first block of a reply keeps it).
function startLong(split: MarkdownSplit, text: string, type: string, lead: number): void {
  const kind = longKind(type);
  const lines = kind === 'code' ? 1 : kind === 'table' ? 2 : 0;
  const head = lines === 0 ? '' : text.slice(0, lead) + firstLines(text.slice(lead), lines);
  split.tail = { kind, head, chunks: [], rest: text.slice(head.length) };
  split.frozenEnd = split.tailStart + head.length;
}

// Freezes chunks off the long tail's rest and watches for its end; on an end, settles the block
// and returns true so the caller lexes what follows.
function advanceLong(split: MarkdownSplit, checkEnd: boolean): boolean {
  const tail = split.tail;
  if (!tail || tail.kind === 'block') return false;
  const chunks = [...tail.chunks];
  for (;;) {
    const rest = split.source.slice(split.frozenEnd);
    const cut = cutPoint(rest, tail.kind);
    const window = cut === undefined ? rest : rest.slice(0, cut);
    const lexed = tail.kind === 'segments' || tail.kind === 'paragraph';
    const end = checkEnd || !lexed ? findEnd(tail, window) : undefined;
    if (end !== undefined) {
      const blockEnd = split.frozenEnd + end;
      const table =
        tail.kind === 'table' ? { head: tail.head, chunks, rest: window.slice(0, end) } : undefined;
      settle(split, [{ text: split.source.slice(split.tailStart, blockEnd), type: tail.kind, table }]);
      split.tailStart = blockEnd;
      split.tail = undefined;
      return true;
    }
    if (cut === undefined) {
      split.tail = { ...tail, chunks: chunks.length === tail.chunks.length ? tail.chunks : chunks, rest };
      return false;
    }
    chunks.push(window);
    split.frozenEnd += cut;
  }
}

function lexTail(split: MarkdownSplit, streaming: boolean): void {
  const text = split.source.slice(split.tailStart);
  const blocks = lexBlocks(text);
  const texts = blockTexts(split.source, split.tailStart, blocks, split.source.length);
  if (!streaming || blocks.length === 0) {
    if (!streaming) settle(split, blocks.length === 0 && text !== '' ? [{ text, type: 'space' }] : texts);
    split.tailStart = streaming ? split.tailStart : split.source.length;
    split.tail = streaming ? { kind: 'block', text } : undefined;
    return;
  }
  let live = blocks.length - 1;
  while (live > 0 && !canSettleBefore(text, blocks[live]?.start ?? 0, blocks[live - 1]?.type ?? '')) live--;
  settle(split, texts.slice(0, live));
  const liveStart = live === 0 ? 0 : (blocks[live]?.start ?? 0);
  const liveText = text.slice(liveStart);
  const type = blocks[live]?.type ?? 'paragraph_open';
  split.tailStart += liveStart;
  if (liveText.length > (longKind(type) === 'segments' ? LIVE_LIMIT : PARAGRAPH_CHUNK)) {
    startLong(split, liveText, type, live === 0 ? (blocks[0]?.start ?? 0) : 0);
    if (advanceLong(split, false)) lexTail(split, streaming);
  } else {
    split.tail = { kind: 'block', text: liveText };
  }
}

// Whether the block before the one starting at `start` is finished. Once the new block's first
// line is complete, it is. Before that, the next characters may still join the two (`- a`, then
// `*`, then `em*` is one list item, not two lists), except after a blank line, which ends every
// block but a list: a list goes on after one (`1. a`, blank, `2` is a paragraph until `2.`).
function canSettleBefore(text: string, start: number, previousType: string): boolean {
  if (text.indexOf('\n', start) !== -1) return true;
  if (previousType === 'bullet_list_open' || previousType === 'ordered_list_open') return false;
  let index = start - 2;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t')) index--;
  return index >= 0 && text[index] === '\n';
}

/**
 * Splits a reply into settled blocks and the live tail, reusing the work done for the previous
 * text when the new text extends it (as a stream does): only the tail is looked at again, and a
 * long tail only from its last frozen chunk, so the work per token does not grow with the reply.
 * When not `streaming`, every block is settled.
 */
export function advanceSplit(
  previous: MarkdownSplit | undefined,
  text: string,
  streaming: boolean,
): MarkdownSplit {
  const source = normalizeNewlines(text);
  const extends_ = previous !== undefined && source.startsWith(previous.source);
  if (extends_ && previous.source === source && (previous.tail !== undefined) === streaming) return previous;
  const split: MarkdownSplit = extends_ ? { ...previous, source } : { ...emptySplit(), source };
  if (split.tail && split.tail.kind !== 'block') {
    if (advanceLong(split, true)) lexTail(split, streaming);
    else if (!streaming) {
      // The reply ended inside a long block: it settles whole, parsed once (a table keeps its
      // chunks; advanceLong has just brought them up to date).
      const { kind, head, chunks, rest } = split.tail;
      const table = kind === 'table' ? { head, chunks, rest } : undefined;
      settle(split, [{ text: source.slice(split.tailStart), type: kind, table }]);
      split.tailStart = source.length;
      split.tail = undefined;
    }
    return split;
  }
  lexTail(split, streaming);
  return split;
}
