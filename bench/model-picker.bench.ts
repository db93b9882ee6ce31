/**
 * How long the model picker takes to re-filter its catalogue per keystroke: `searchModels` (words
 * against a pre-lowered index, capability filters, sort by author and name) plus `groupByAuthor`,
 * for catalogues of 500 and 5,000 models. The list is virtualised, so the DOM work per keystroke is
 * bounded by the rows in view, not by the catalogue: this is the part that grows with it.
 * See bench/README.md, "model-picker".
 *
 *   pnpm exec tsx bench/model-picker.bench.ts
 */
import { makeCatalogue } from '../packages/ui/src/__fixtures__/models.ts';
import { groupByAuthor, indexModels, searchModels } from '../packages/ui/src/model-picker/model-facts.ts';

const SIZES = [500, 5_000];
const RUNS = 7;
// What people type: a name, an author and a name, something that matches nothing.
const QUERIES = ['comet ultra', 'openai nova 2', 'qwen', 'zzz'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Every prefix of every query, as typed one key at a time; returns the rows shown, so nothing is optimised away. */
function typeAll(index: ReturnType<typeof indexModels>, withFilter: boolean): number {
  let rows = 0;
  for (const query of QUERIES) {
    for (let length = 1; length <= query.length; length += 1) {
      const found = searchModels(index, query.slice(0, length), withFilter ? ['tools'] : []);
      rows += groupByAuthor(found).length;
    }
  }
  return rows;
}

const keystrokes = QUERIES.reduce((sum, query) => sum + query.length, 0);
const table: Record<string, string | number>[] = [];
for (const size of SIZES) {
  const catalogue = makeCatalogue(size);
  const indexStart = performance.now();
  const index = indexModels(catalogue);
  const indexMs = performance.now() - indexStart;
  for (const withFilter of [false, true]) {
    typeAll(index, withFilter); // warm-up
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      rows = typeAll(index, withFilter);
      times.push(performance.now() - start);
    }
    table.push({
      models: size,
      filter: withFilter ? 'tools' : 'none',
      'index once (ms)': indexMs.toFixed(2),
      'per keystroke (µs)': ((median(times) / keystrokes) * 1000).toFixed(1),
      'rows per run': rows,
    });
  }
}
console.table(table);
