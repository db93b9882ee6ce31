/// <reference types="vitest/config" />
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';
import { chromiumLaunch } from './chromium-launch.ts';

// A function, not a shared object: Vitest mutates `instances`, and a shared object would rename projects.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromiumLaunch }),
  instances: [{ browser: 'chromium' as const }],
});

/**
 * Workspace packages resolve to their TypeScript sources through the `source` export condition, so tests,
 * Storybook and the dev server need no build (the other conditions point at dist/, for users). Added to
 * every environment, not only client and ssr: Vitest runs global setup in an environment of its own.
 */
function workspaceSources(): Plugin {
  return {
    name: 'parley:workspace-sources',
    configEnvironment(name, options) {
      const own = options.resolve?.conditions;
      const consumer = options.consumer ?? (name === 'client' ? 'client' : 'server');
      const defaults = consumer === 'client' ? defaultClientConditions : defaultServerConditions;
      // Config merging concatenates arrays: add to conditions already set, or spell out Vite's defaults.
      return { resolve: { conditions: own ? ['source'] : ['source', ...defaults] } };
    },
  };
}

export default defineConfig({
  plugins: [workspaceSources(), react()],
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
        test: { name: 'storybook', setupFiles: ['./.storybook/visual-snapshots.ts'], browser: browser() },
      },
    ],
  },
});
