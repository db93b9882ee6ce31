/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';

/**
 * Frozen pieces rendered per group: a token re-renders the list of groups (one check each), not
 * every piece. A 200 KB line is about 400 frozen runs by its end; one element per run made each
 * token reconcile all of them.
 */
const GROUP_SIZE = 16;

interface GroupProps {
  items: readonly string[];
  from: number;
  count: number;
  render: (item: string, index: number) => React.ReactNode;
  deps: readonly unknown[];
  block: boolean;
}

const BLOCK_STYLE = { display: 'block' } as const;

// Frozen pieces never change once frozen, so a group with the same range shows the same pieces;
// `render` is a new function each time and is not compared, `deps` is what it renders with.
const Group = React.memo(
  function Group({ items, from, count, render, block }: GroupProps) {
    const pieces: React.ReactNode[] = [];
    // Pieces are appended in order and never change: position is identity.
    for (let index = from; index < from + count; index++) {
      pieces.push(<React.Fragment key={index}>{render(items[index] ?? '', index)}</React.Fragment>);
    }
    // A group of blocks in a block of its own: a token lays out the paragraph's or code's few
    // groups, not its hundreds of pieces.
    return block ? <span style={BLOCK_STYLE}>{pieces}</span> : pieces;
  },
  (before, after) =>
    before.from === after.from &&
    before.block === after.block &&
    before.count === after.count &&
    before.deps.length === after.deps.length &&
    before.deps.every((dep, index) => dep === after.deps[index]),
);

/** Renders `items` (frozen, only ever appended to) with `render`, in memoised groups of 16. */
export function FrozenGroups({
  items,
  render,
  deps,
  block = false,
}: {
  items: readonly string[];
  render: (item: string, index: number) => React.ReactNode;
  /** Everything `render` reads besides the item; a change re-renders every group. */
  deps: readonly unknown[];
  /** The pieces are blocks: each group is wrapped in a block too. */
  block?: boolean;
}) {
  const groups: React.ReactNode[] = [];
  for (let from = 0; from < items.length; from += GROUP_SIZE) {
    const count = Math.min(GROUP_SIZE, items.length - from);
    groups.push(
      <Group key={from} items={items} from={from} count={count} render={render} deps={deps} block={block} />,
    );
  }
  return groups;
}
