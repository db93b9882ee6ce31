import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './workspace.ts';

// The budgets live in /.size-limit.mjs and measure the dist/ that global setup built.
it('keeps every size budget (the table is printed above)', () => {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'size-limit'), [], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  expect(result.status).toBe(0);
});
