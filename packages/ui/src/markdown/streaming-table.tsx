/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';
import { markdownElements } from './markdown-elements.tsx';
import { type MarkdownToken, parseMarkdown } from './parse-markdown.ts';
import { type MarkdownComponents, renderTokens } from './render-tokens.tsx';

/**
 * After this many frozen chunks (16 rows each, so 64 rows) a streaming table is laid out as one
 * `<table>` per chunk with the column widths it had. Chromium lays out a whole `<table>` again when
 * any row changes, fixed layout or not (a token at row 1,000 cost seven times one at row 10); a
 * separate table per chunk leaves the frozen ones alone, so a token costs the same at any row.
 */
const SPLIT_AFTER = 4;

// The part of a parsed table between its `section`'s open and close tokens.
function sectionTokens(tokens: MarkdownToken[], section: 'thead' | 'tbody'): MarkdownToken[] {
  const start = tokens.findIndex((token) => token.type === `${section}_open`);
  const end = tokens.findIndex((token) => token.type === `${section}_close`);
  return start === -1 || end === -1 ? [] : tokens.slice(start, end + 1);
}

const noFence = () => null;

// One chunk of a long table's rows, parsed under the table's head (for its columns and alignment)
// as its own <tbody>: a token re-parses the last chunk's rows only.
const TableRows = React.memo(function TableRows({
  head,
  rows,
  section,
  components,
}: {
  head: string;
  rows: string;
  section: 'thead' | 'tbody';
  components: MarkdownComponents;
}) {
  return renderTokens(sectionTokens(parseMarkdown(head + rows), section), components, noFence);
});

type RowTag = 'thead' | 'tbody' | 'tr' | 'th' | 'td';
const ROLES: Record<RowTag, string> = {
  thead: 'rowgroup',
  tbody: 'rowgroup',
  tr: 'row',
  th: 'columnheader',
  td: 'cell',
};

// The table's parts with their ARIA roles spelled out: the chunk tables are presentational, so the
// rows and cells say what they are and belong to the one `role="table"` around them, where each
// cell is associated with the header of its column as in a native table.
function withRoles(components: MarkdownComponents): MarkdownComponents {
  const roled: Record<string, unknown> = { ...components };
  for (const [tag, role] of Object.entries(ROLES)) {
    const Part = (components[tag as RowTag] ?? tag) as React.ElementType;
    roled[tag] = (props: object) => <Part role={role} {...props} />;
  }
  return roled as MarkdownComponents;
}

// One part of a split table: a presentational <table> with the measured column widths. Fixed
// layout takes the widths from the columns; each part after the head overlaps the previous one's
// bottom border, so the collapsed borders look as one table's do.
const PartTable = React.memo(function PartTable({
  widths,
  ...rows
}: React.ComponentProps<typeof TableRows> & { widths: number[] }) {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return (
    <table
      role="presentation"
      style={{
        tableLayout: 'fixed',
        width: total > 0 ? total : '100%',
        overflowWrap: 'anywhere',
        marginTop: rows.section === 'thead' ? undefined : -1,
      }}
    >
      {total > 0 ? (
        <colgroup>
          {widths.map((width, index) => (
            // One column per header cell, in order: position is identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
      ) : null}
      <TableRows {...rows} />
    </table>
  );
});

export interface StreamingTableProps {
  /** The header and delimiter rows, which every chunk is parsed under. */
  head: string;
  /** Frozen runs of rows, each rendered once as a `<tbody>`. */
  chunks: string[];
  /** The rows after the last frozen chunk: the only part a token renders again. */
  rest: string;
  components: MarkdownComponents;
}

/**
 * A table that grew long while streaming, its rows in chunks that render once. Past
 * {@link SPLIT_AFTER} chunks it is one ARIA table of one presentational `<table>` per chunk, each
 * with the column widths measured just before (so nothing moves). It stays as it is once the
 * reply ends (the rows are the same), so settling rebuilds nothing. With a `table` override it
 * stays one `<table>`, since the override's markup is unknown.
 */
export const StreamingTable = React.memo(function StreamingTable({
  head,
  chunks,
  rest,
  components,
}: StreamingTableProps) {
  const table = React.useRef<HTMLTableElement>(null);
  const [widths, setWidths] = React.useState<number[]>();
  const split = components.table === markdownElements.table && chunks.length >= SPLIT_AFTER;
  // Measured once, before the split is painted: the columns keep the widths the browser's
  // automatic layout gave the whole table so far.
  React.useLayoutEffect(() => {
    if (!split || widths) return;
    const cells = table.current?.tHead?.rows[0]?.cells;
    setWidths(cells ? Array.from(cells, (cell) => cell.getBoundingClientRect().width) : []);
  }, [split, widths]);
  const roled = React.useMemo(() => withRoles(components), [components]);

  if (!split || !widths) {
    const Table = (components.table ?? 'table') as React.ElementType;
    return (
      <Table ref={table}>
        <TableRows head={head} rows="" section="thead" components={components} />
        {chunks.map((chunk, index) => (
          // Chunks are frozen in order and never change: position is identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <TableRows key={index} head={head} rows={chunk} section="tbody" components={components} />
        ))}
        <TableRows head={head} rows={rest} section="tbody" components={components} />
      </Table>
    );
  }
  return (
    <div data-slot="markdown-table-scroll">
      {/* biome-ignore lint/a11y/useSemanticElements: one <table> is what this replaces (see above) */}
      <div role="table" data-slot="markdown-table" data-layout="split">
        <PartTable widths={widths} head={head} rows="" section="thead" components={roled} />
        {chunks.map((chunk, index) => (
          <PartTable
            // biome-ignore lint/suspicious/noArrayIndexKey: chunks are frozen in order: position is identity
            key={index}
            widths={widths}
            head={head}
            rows={chunk}
            section="tbody"
            components={roled}
          />
        ))}
        {rest ? (
          <PartTable widths={widths} head={head} rows={rest} section="tbody" components={roled} />
        ) : null}
      </div>
    </div>
  );
});
