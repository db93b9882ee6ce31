import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a loaded machine: the first tool round or save imports its module on demand,
 * which took over vi.waitFor's default second on two shared cores. A broken expectation still fails, later.
 */
export function waitFor<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 5_000, interval: 20 });
}
