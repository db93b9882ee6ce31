import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { send, settled } from './app.ts';
import { simulator } from './simulator.ts';

/**
 * The JavaScript the first page load asks for before anyone touches it, gzipped as a server would
 * send it: the issue's 150 kB. The demo's menu, dialogs, conversation list, message rows and
 * everything behind them load on use (130.9 kB measured). A returning visitor's page lists the
 * saved conversations at once, so the list comes with it, but not the row menus' code, loaded when
 * a menu is first opened (139.2 kB measured; 163.8 kB when the rows brought radix's menu and the
 * composer radix's tooltip with floating-ui).
 */
const LIMIT_KB = 150;

/** Loads the page fresh and sums the gzipped scripts it asks for until it is ready and idle. */
async function measureFirstLoad(page: Page, ready: () => Promise<void>, label: string) {
  const scripts = new Map<string, number>();
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
    scripts.set(response.url(), gzipSync(await response.body()).length);
  });
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await ready();
  // Whatever the page fetches on its own once idle counts too: nothing may wait for a quiet moment.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);

  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1000;
  const list = [...scripts].map(([url, size]) => `${new URL(url).pathname} ${(size / 1000).toFixed(1)} kB`);
  test.info().annotations.push({
    type: label,
    description: `${total.toFixed(1)} kB gzip (limit ${LIMIT_KB} kB): ${list.join(', ')}`,
  });
  expect(scripts.size).toBeGreaterThan(0);
  expect(total, list.join('\n')).toBeLessThan(LIMIT_KB);
}

test(`the first page load requests less than ${LIMIT_KB} kB of gzipped JavaScript`, async ({ page }) => {
  await measureFirstLoad(page, async () => {}, 'initial JS');
});

test(`a returning visitor's first page, listing saved conversations, stays under ${LIMIT_KB} kB`, async ({
  page,
  request,
  browser,
}) => {
  // Two replies and a second browser context: more than one page's work on a busy machine.
  test.slow();
  await simulator(request).reset();
  await page.goto('/');
  await send(page, 'Plan a picnic');
  await settled(page);
  await page
    .getByRole('complementary', { name: 'Conversations' })
    .getByRole('button', { name: 'New chat' })
    .click();
  await send(page, 'Name a lighthouse');
  await settled(page);
  // A new browser context with the saved conversations (IndexedDB) and an empty HTTP cache.
  const state = await page.context().storageState({ indexedDB: true });
  const returning = await browser.newContext({ storageState: state });
  try {
    const fresh = await returning.newPage();
    const sidebar = fresh.getByRole('complementary', { name: 'Conversations' });
    await measureFirstLoad(
      fresh,
      async () => {
        await expect(sidebar.getByRole('button', { name: /^Plan a picnic/ })).toBeVisible();
        await expect(sidebar.getByRole('button', { name: /^Name a lighthouse/ })).toBeVisible();
      },
      'returning visitor JS',
    );
  } finally {
    await returning.close();
  }
});
