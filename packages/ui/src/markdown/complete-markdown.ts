import remend from 'remend';

// remend stands in a placeholder URL for an image whose URL is still streaming; an image without
// its URL has nothing to show, so the placeholder is removed instead.
const INCOMPLETE_IMAGE = '(streamdown:incomplete-image)';

function isBlank(text: string): boolean {
  return text.trim() === '';
}

// The cells of a table row, split on unescaped pipes, without the outer pipes: one pass, no regex.
function cells(row: string): string[] {
  let text = row.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const result: string[] = [];
  let cell = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\' && index + 1 < text.length) {
      cell += char + text[index + 1];
      index++;
    } else if (char === '|') {
      result.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  result.push(cell);
  return result;
}

function isTableRow(line: string): boolean {
  const text = line.trim();
  return text.length > 1 && text.startsWith('|') && text.endsWith('|');
}

// A delimiter row as far as it has arrived: each cell only spaces, colons and dashes. Checked
// character by character: the regular expression it replaces backtracked exponentially on
// `| | | | ...` (a 73-character reply hung the tab for seconds).
function isPartialDelimiterRow(line: string): boolean {
  for (const char of line) {
    if (char !== '|' && char !== '-' && char !== ':' && char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/**
 * A GFM table becomes a table only once its delimiter row (`| --- | --- |`) is complete. While the
 * model is writing that row, the header would flash as a paragraph of pipes; completing the row
 * shows the table's head at once.
 */
function completeTableHead(block: string): string {
  let end = block.length;
  while (end > 0 && block[end - 1] === '\n') end--;
  const lines = block.slice(0, end).split('\n', 3);
  const [head, delimiter] = lines;
  if (lines.length > 2 || head === undefined || !isTableRow(head)) return block;
  if (delimiter === undefined) {
    // Only a finished header line (the model moved to the next line) is taken as a table.
    if (!block.endsWith('\n')) return block;
  } else if (isBlank(delimiter) || !isPartialDelimiterRow(delimiter)) {
    return block;
  }
  return `${head}\n|${' --- |'.repeat(cells(head).length)}\n`;
}

/**
 * Closes the syntax a streaming reply has left open at its end (`**bold`, `` `code ``, `~~strike`,
 * a link whose URL is still arriving, half a table head) so the partial text renders as it will
 * once finished. Open code fences need nothing: CommonMark runs them to the end of the input.
 *
 * Only the live end of a streaming message goes through this, never more than a few kilobytes
 * (see `LIVE_LIMIT`); settled text never does.
 */
export function completeMarkdown(tail: string): string {
  const completed = remend(tail, { linkMode: 'text-only', katex: false, inlineKatex: false });
  return completeTableHead(removeIncompleteImage(completed));
}

function removeIncompleteImage(text: string): string {
  const at = text.lastIndexOf(INCOMPLETE_IMAGE);
  if (at === -1) return text;
  const open = text.lastIndexOf('![', at);
  return open === -1 ? text : text.slice(0, open) + text.slice(at + INCOMPLETE_IMAGE.length);
}
