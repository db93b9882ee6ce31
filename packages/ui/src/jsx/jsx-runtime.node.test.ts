import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSlotClass } from './jsx-runtime.ts';

const src = join(import.meta.dirname, '..');

/** The package's components: every .tsx file but tests, stories, usage examples and fixtures. */
function componentFiles(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : componentFiles(path);
    return /(?<!\.test|\.stories|\.usage)\.tsx$/.test(entry.name) ? [path] : [];
  });
}

describe("the package's JSX runtime", () => {
  it('gives an element that names its part the class the theme selects, beside its own classes', () => {
    expect(withSlotClass({ 'data-slot': 'message-author' })).toEqual({
      'data-slot': 'message-author',
      className: 'parley-message-author',
    });
    // An app's class is kept, not replaced, and the part's comes first.
    expect(withSlotClass({ 'data-slot': 'message', className: 'app-row', id: 'm1' })).toEqual({
      'data-slot': 'message',
      className: 'parley-message app-row',
      id: 'm1',
    });
    // Elements that name no part are passed through untouched (the same object).
    const plain = { className: 'x' };
    expect(withSlotClass(plain)).toBe(plain);
    expect(withSlotClass(null)).toBeNull();
    expect(withSlotClass({ 'data-slot': undefined })).toEqual({ 'data-slot': undefined });
  });

  it('compiles every component of the package, so no part can render without its class', () => {
    const files = componentFiles();
    expect(files.length).toBeGreaterThan(50);
    const missing = files.filter((file) => {
      const runtime = relative(dirname(file), join(src, 'jsx')) || '.';
      const source = runtime.startsWith('.') ? runtime : `./${runtime}`;
      return readFileSync(file, 'utf8').split('\n', 1)[0] !== `/** @jsxImportSource ${source} */`;
    });
    expect(missing.map((file) => relative(src, file))).toEqual([]);
  });
});
