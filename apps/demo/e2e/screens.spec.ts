import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

/** Zero axe violations on what is on screen now, and a screenshot kept as a test artefact. */
async function check(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target}`)).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${theme} theme`, async ({ page }) => {
    // Four full axe scans on a shared 2-core machine.
    test.setTimeout(120_000);
    await page.goto('/');
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-parley-theme', theme);
    await send(page, 'Show me some markdown please');
    await settled(page);
    await check(page, `chat-${theme}`);

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await check(page, `settings-${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Connection' }).click();
    await expect(page.getByRole('dialog', { name: 'Connection' })).toBeVisible();
    await check(page, `connection-${theme}`);
    await page.keyboard.press('Escape');

    await page.setViewportSize({ width: 375, height: 740 });
    await page.getByRole('button', { name: 'Conversations' }).click();
    await expect(page.getByRole('complementary', { name: 'Conversations' })).toBeVisible();
    await check(page, `phone-sidebar-${theme}`);
  });
}
