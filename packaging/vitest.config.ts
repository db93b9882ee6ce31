import { defineConfig } from 'vitest/config';

/**
 * What users install: the packed tarballs, checked with publint and attw, imported in plain Node, and
 * installed into consumer apps (Vite, Next.js) outside the workspace; plus the size budgets. Separate from
 * the root projects because it builds and installs for minutes: `pnpm run test:packages`.
 */
export default defineConfig({
  test: {
    name: 'packages',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    // Installs, production builds and a browser, on 2 shared cores.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // One app at a time: two production builds at once would only slow both.
    fileParallelism: false,
  },
});
