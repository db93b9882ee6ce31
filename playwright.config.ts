import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './chromium-launch.ts';

// A free port, chosen once by the main process and inherited by the workers through the
// environment: several checkouts run their tests on one machine, so a fixed port would collide.
process.env.DEMO_E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
])
  .toString()
  .trim();
const baseURL = `http://127.0.0.1:${process.env.DEMO_E2E_PORT}`;
// The workers (forked with this environment) import workspace packages from their sources, as the
// rest of the repository's tests do: a test starts a second simulator (another endpoint, with a key)
// through @parley/mock-server/node without a build of the package.
if (!process.env.NODE_OPTIONS?.includes('--conditions=source')) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --conditions=source`.trim();
}

/**
 * End-to-end tests of apps/demo: the production build served by `vite preview`, with the simulator
 * on the same origin. One worker, because the tests steer that one simulator (standing scenarios).
 */
export default defineConfig({
  testDir: 'apps/demo/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['line'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...chromiumLaunch,
          args: [
            ...chromiumLaunch.args,
            '--use-fake-ui-for-media-stream',
            '--use-fake-device-for-media-stream',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `pnpm --filter demo build && pnpm --filter demo preview --port ${process.env.DEMO_E2E_PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
  },
});
