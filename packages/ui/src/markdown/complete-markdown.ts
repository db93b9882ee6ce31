import remend from 'remend';

// remend stands in a placeholder URL for an image whose URL is still streaming; an image without
// its URL has nothing to show, so the placeholder is removed instead.
const INCOMPLETE_IMAGE = /!\[[^\]]*\]\(streamdown:incomplete-image\)/g;

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const PARTIAL_DELIMITER_ROW = /^\s*\|?\s*:?-*:?\s*(\|\s*:?-*:?\s*)*\|?\s*$/;

function countCells(row: string): number {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').length;
}

/**
 * A GFM table becomes a table only once its delimiter row (`| --- | --- |`) is complete. While the
 * model is writing that row, the header would flash as a paragraph of pipes; completing the row
 * shows the table's head at once.
 */
function completeTableHead(block: string): string {
  const lines = block.replace(/\n+$/, '').split('\n');
  const [head, delimiter] = lines;
  if (lines.length > 2 || head === undefined || !TABLE_ROW.test(head)) return block;
  if (delimiter === undefined) {
    // Only a finished header line (the model moved to the next line) is taken as a table.
    if (!block.endsWith('\n')) return block;
  } else if (!PARTIAL_DELIMITER_ROW.test(delimiter)) {
    return block;
  }
  const columns = countCells(head);
  return `${head}\n|${' --- |'.repeat(columns)}\n`;
}

/**
 * Closes the syntax a streaming reply has left open at its end (`**bold`, `` `code ``, `~~strike`,
 * a link whose URL is still arriving, half a table head) so the partial text renders as it will
 * once finished. Open code fences need nothing: CommonMark runs them to the end of the input.
 *
 * Only the last block of a streaming message goes through this; settled text never does.
 */
export function completeMarkdown(tail: string): string {
  const completed = remend(tail, { linkMode: 'text-only', katex: false, inlineKatex: false });
  return completeTableHead(completed.replace(INCOMPLETE_IMAGE, ''));
}
