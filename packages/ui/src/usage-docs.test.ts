/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

// Every component's docs page shows a usage example: a `.usage.tsx` module beside its story,
// typechecked with the package (tsc -b) and imported here, so a renamed prop or export breaks
// this test rather than the snippet a reader copies.
const stories = import.meta.glob<string>('./*/*.stories.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const usageSources = import.meta.glob<string>('./*/*.usage.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const usageModules = import.meta.glob<Record<string, unknown>>('./*/*.usage.tsx', { eager: true });

describe('docs pages', () => {
  it.each(Object.keys(stories))('%s shows a usage example', (path) => {
    const story = stories[path] ?? '';
    const usage = /import usage from '\.\/([\w-]+\.usage\.tsx)\?raw';/.exec(story)?.[1];
    expect(usage, `${path} imports no usage example`).toBeDefined();
    expect(story).toContain('usageDescription(');
    expect(usageSources[`./${path.split('/')[1]}/${usage}`]).toMatch(/from '@parley\/ui(\/connected)?';/);
  });

  it.each(Object.keys(usageModules))('%s imports and exports a component', (path) => {
    const exported = Object.values(usageModules[path] ?? {});
    expect(exported.length).toBeGreaterThan(0);
    for (const value of exported) expect(value).toBeTypeOf('function');
  });
});
