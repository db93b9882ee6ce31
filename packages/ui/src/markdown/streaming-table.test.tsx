import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { pathologicalMarkdown as samples, toTokens } from '../__fixtures__/pathological-markdown.ts';
import { Markdown } from './markdown.tsx';

function streamTable(rows: number) {
  const text = samples.table(rows);
  const view = render(<Markdown streaming>{''}</Markdown>);
  let received = '';
  for (const token of toTokens(text, 40)) {
    received += token;
    view.rerender(<Markdown streaming>{received}</Markdown>);
  }
  return { view, text };
}

const box = (element: Element) => element.getBoundingClientRect();

describe('A long table streaming in', () => {
  it('stays one table whose cells keep their column headers, and settles without being rebuilt', async () => {
    const { view, text } = streamTable(200);
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['#', 'name', 'value']);
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(within(table).getAllByRole('cell')).toHaveLength(600);
    const row = within(table).getByRole('cell', { name: 'item 3' });
    view.rerender(<Markdown>{text}</Markdown>);
    // Settling changed nothing on screen: the same elements are still there.
    expect(screen.getByRole('table')).toBe(table);
    expect(within(table).getByRole('cell', { name: 'item 3' })).toBe(row);
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    await expectNoAxeViolations(view.container);
  });

  it('keeps its columns lined up under their headers, as wide as one table has them, once laid out in parts', () => {
    const text = `${samples.table(63)}| 63 | a longer item than any above | **1** |\n| 64 | item 64 | **2** |\n`;
    const once = render(<Markdown>{text}</Markdown>);
    const expected = screen.getAllByRole('columnheader').map((cell) => Math.round(box(cell).width));
    once.unmount();
    render(<Markdown streaming>{text}</Markdown>);
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((cell) => Math.round(box(cell).width))).toEqual(expected);
    expect(screen.getAllByRole('row')).toHaveLength(66);
    for (const row of screen.getAllByRole('row').slice(1)) {
      const cells = within(row).getAllByRole('cell');
      expect(cells).toHaveLength(3);
      for (const [index, cell] of cells.entries()) {
        const header = box(headers[index] as Element);
        expect(Math.abs(box(cell).left - header.left)).toBeLessThan(1.5);
        expect(Math.abs(box(cell).width - header.width)).toBeLessThan(1.5);
      }
    }
  });
});
