/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';
import { yieldToPage } from './compile-grammar.ts';
import type { HighlightedToken } from './highlight-tokens.ts';

// A highlighted block is shown in groups of lines, each a block of its own that turns from plain to
// coloured in one commit. A 60 KB block is about 17,000 coloured spans: created and laid out at once, that
// was one task of about 90 ms of CPU (several times that in wall time on a loaded machine). In groups, a
// task makes about TOKENS_PER_TASK spans and lays out only the groups that changed.
const LINES_PER_GROUP = 40;
const TOKENS_PER_TASK = 2000;
const BLOCK_STYLE = { display: 'block' } as const;

// A group ends where its block does: the block boundary is the line break between two groups, for the eye,
// for a selection copied and for `innerText` alike (a line break character at the end of a block would
// add an empty line to the last two, though not to the first).
interface Group {
  lines: HighlightedToken[][];
  /** The group's text as it was before highlighting. */
  text: string;
  tokens: number;
}

function groupLines(tokens: HighlightedToken[][]): Group[] {
  const groups: Group[] = [];
  for (let from = 0; from < tokens.length; from += LINES_PER_GROUP) {
    const lines = tokens.slice(from, from + LINES_PER_GROUP);
    const text = lines.map((line) => line.map((token) => token.content).join('')).join('\n');
    const count = lines.reduce((sum, line) => sum + line.length, 0);
    groups.push({ lines, text, tokens: count });
  }
  return groups;
}

/** How many groups from `start` fit in one task's budget (at least one). */
function nextEnd(groups: Group[], start: number): number {
  let end = start;
  let tokens = 0;
  while (end < groups.length && (end === start || tokens + (groups[end]?.tokens ?? 0) <= TOKENS_PER_TASK)) {
    tokens += groups[end]?.tokens ?? 0;
    end++;
  }
  return end;
}

// A group is frozen once shown: memo keeps React from touching it while the next groups turn.
const PlainGroup = React.memo(function PlainGroup({ text }: { text: string }) {
  return <span style={BLOCK_STYLE}>{text}</span>;
});

const HighlightedGroup = React.memo(function HighlightedGroup({ group }: { group: Group }) {
  return (
    <span style={BLOCK_STYLE}>
      {group.lines.map((line, lineIndex) => (
        // Lines have no identity but their position, and a group never changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <React.Fragment key={lineIndex}>
          {lineIndex > 0 ? '\n' : null}
          {line.map((token, tokenIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <span key={tokenIndex} style={token.style as React.CSSProperties}>
              {token.content}
            </span>
          ))}
        </React.Fragment>
      ))}
    </span>
  );
});

/**
 * Turns highlighted `tokens` into coloured lines a task's worth at a time. Returns the lines to render
 * inside `<code>` and whether every line is coloured yet.
 */
export function useHighlightedLines(tokens: HighlightedToken[][] | undefined): {
  lines: React.ReactNode;
  done: boolean;
} {
  const groups = React.useMemo(() => (tokens ? groupLines(tokens) : []), [tokens]);
  // The first task's worth shows in the same commit as the tokens: a short block turns at once.
  const [shown, setShown] = React.useState({ groups, count: nextEnd(groups, 0) });
  const count = shown.groups === groups ? shown.count : nextEnd(groups, 0);
  if (shown.groups !== groups) setShown({ groups, count });
  React.useEffect(() => {
    if (count >= groups.length) return;
    let current = true;
    void yieldToPage().then(() => {
      if (current) setShown({ groups, count: nextEnd(groups, count) });
    });
    return () => {
      current = false;
    };
  }, [groups, count]);
  if (!tokens) return { lines: null, done: false };
  return {
    lines: groups.map((group, index) =>
      index < count ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: a group is its position in a block that never changes
        <HighlightedGroup key={`h${index}`} group={group} />
      ) : (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <PlainGroup key={`p${index}`} text={group.text} />
      ),
    ),
    done: count >= groups.length,
  };
}
