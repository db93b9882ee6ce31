import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { menu, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('conversations survive a reload, and export then import gives the same conversation', async ({
  page,
}) => {
  await page.goto('/');
  await send(page, 'Remember the lighthouse keeper');
  await settled(page);
  const replyText = (await page.getByRole('article', { name: 'Assistant message' }).textContent()) ?? '';

  await page.reload();
  const sidebar = page.getByRole('complementary', { name: 'Conversations' });
  await sidebar.getByRole('button', { name: /^Remember the lighthouse keeper/ }).click();
  await expect(page.getByRole('article', { name: 'Your message' })).toContainText(
    'Remember the lighthouse keeper',
  );

  const download = page.waitForEvent('download');
  await menu(page, 'Export as JSON');
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(JSON.stringify(exported)).toContain('Remember the lighthouse keeper');

  await sidebar
    .getByRole('button', { name: /^Actions for/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(sidebar.getByRole('button', { name: /^Remember the lighthouse keeper/ })).toHaveCount(0);

  await page.getByLabel('Import a conversation').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 conversation' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: /^Remember the lighthouse keeper/ })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Assistant message' })).toHaveText(replyText);
});

test('reaching for a saved conversation in a fresh page fetches what opening it draws, before the click', async ({
  page,
  browser,
}) => {
  // A reply and a second browser context: more than one page's work on a busy machine.
  test.slow();
  await page.goto('/');
  await send(page, 'Plan a picnic');
  await settled(page);
  // A new browser context with the saved conversation (IndexedDB) and an empty HTTP cache.
  const state = await page.context().storageState({ indexedDB: true });
  const returning = await browser.newContext({ storageState: state });
  try {
    const fresh = await returning.newPage();
    // The markdown renderer's chunk is the one with linkify's list of top-level domains in it; the
    // conversation's rows are the demo's chat-messages module.
    const fetched = { renderer: false, rows: false };
    fresh.on('response', async (response) => {
      if (!/\.js(\?|$)/.test(response.url())) return;
      if (/\/chat-messages-[\w-]+\.js/.test(response.url())) fetched.rows = true;
      if ((await response.text()).includes('aero|asia')) fetched.renderer = true;
    });
    await fresh.goto('/');
    const saved = fresh
      .getByRole('complementary', { name: 'Conversations' })
      .getByRole('button', { name: /^Plan a picnic/ });
    await expect(saved).toBeVisible();
    // A new chat's page shows no conversation yet: neither is fetched.
    await fresh.waitForLoadState('networkidle');
    expect(fetched).toEqual({ renderer: false, rows: false });

    await saved.hover();
    await expect.poll(() => ({ ...fetched })).toEqual({ renderer: true, rows: true });
    await saved.click();
    await expect(fresh.getByRole('article', { name: 'Assistant message' })).toContainText('Plan a picnic');
  } finally {
    await returning.close();
  }
});
