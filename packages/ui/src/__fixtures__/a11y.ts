import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe on `container` and fails with the rule ids and offending nodes, which is what a person
 * fixing it needs to read.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { resultTypes: ['violations'] });
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
  );
  expect(summary).toEqual([]);
}
