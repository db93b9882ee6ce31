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
