/// <reference types="vitest/config" />
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import { chromiumLaunch } from './chromium-launch.ts';
import { markdownEntities } from './markdown-entities.ts';
import { workspaceSources } from './workspace-sources.ts';

// A function, not a shared object: Vitest mutates `instances`, and a shared object would rename projects.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunch }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  plugins: [workspaceSources(), markdownEntities(), react()],
  // Dependencies are pre-bundled without the plugins above: markdown-it gets its decoder here.
  optimizeDeps: { rolldownOptions: { plugins: [markdownEntities()] } },
  test: {
    // Several projects share 2 cores in CI; a cold Vite pre-bundle can take seconds.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/{client,mock-server}/src/**/*.test.ts',
            'packages/*/src/**/*.node.test.{ts,tsx}',
            'scripts/*.node.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          setupFiles: ['./vitest.setup.ts'],
          globalSetup: ['./vitest.global-setup.ts'],
          include: ['packages/{react,ui}/src/**/*.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/*.node.test.{ts,tsx}'],
          browser: browser(),
        },
      },
      {
        // Every story's `play` runs in Chromium, with the a11y addon failing on violations.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        define: { __PARLEY_SNAPSHOT_DIR__: JSON.stringify(`${import.meta.dirname}/reports/story-snapshots`) },
        test: {
          name: 'storybook',
          setupFiles: ['./.storybook/visual-snapshots.ts', './.storybook/slot-classes.ts'],
          browser: browser(),
        },
      },
    ],
  },
});
