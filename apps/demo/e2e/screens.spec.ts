import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { chooseTheme, menu, pickModel, send, settled } from './app.ts';
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
    await chooseTheme(page, theme);
    await check(page, `empty-${theme}`);
    await send(page, 'Show me some markdown please');
    await settled(page);
    await expectOneRow(page);
    // The code block in its colours, as a person sees it a moment after the reply ends.
    await expect(page.locator('[data-slot="code-block"]')).toHaveAttribute('data-state', 'highlighted');
    await check(page, `chat-${theme}`);

    await page.getByRole('button', { name: /^Model: / }).click();
    await expect(page.getByRole('dialog', { name: 'Choose a model' })).toBeVisible();
    await check(page, `model-picker-${theme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'More' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await check(page, `menu-${theme}`);
    await page.keyboard.press('Escape');

    await menu(page, 'Settings');
    await expect(page.getByRole('form', { name: 'Generation parameters' })).toBeVisible();
    await check(page, `settings-${theme}`);
    // The sections are tabs: the arrow keys move between them.
    await page.getByRole('tab', { name: 'Parameters' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('tabpanel', { name: 'Providers' })).toBeVisible();
    await check(page, `settings-providers-${theme}`);
    await page.keyboard.press('Escape');

    await menu(page, 'Connection');
    await expect(page.getByRole('dialog', { name: 'Connection' }).getByLabel('Base URL')).toBeVisible();
    await check(page, `connection-${theme}`);
    await page.keyboard.press('Escape');
  });
}

test.describe('on a touch phone', () => {
  // As a phone is: its width, and no hover (`hover: none`), so the actions that wait for a hover on a
  // desktop show here, as they do on a real phone.
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  for (const theme of ['light', 'dark'] as const) {
    test(`every screen passes axe in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await chooseTheme(page, theme);
      await send(page, 'Show me some markdown please');
      await settled(page);
      // Two fallbacks make the longest model label the header shows.
      await pickModel(page, /Parley: Reasoner/);
      await pickModel(page, /Parley: Structured/);
      // One header row on a phone: every control sits on the line of the first.
      await expectOneRow(page);
      await check(page, `phone-chat-${theme}`);
      await page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await expect(page.getByRole('complementary', { name: 'Conversations' })).toBeVisible();
      await check(page, `phone-sidebar-${theme}`);
      await page.keyboard.press('Escape');
      await menu(page, 'Settings');
      // On a phone the sections run across the top, and the arrow keys follow.
      await page.getByRole('tab', { name: 'Parameters' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tabpanel', { name: 'Output' })).toBeVisible();
      await check(page, `phone-settings-${theme}`);
    });
  }
});

/** The header's controls all share one line (none wrapped below another). */
async function expectOneRow(page: Page) {
  const boxes = await page
    .locator('header > :is(button, div, h1):visible')
    .evaluateAll((elements) =>
      elements
        .filter((element) => element.getBoundingClientRect().width > 1)
        .map((element) => element.getBoundingClientRect()),
    );
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  const header = await page.locator('header').boundingBox();
  expect(header?.height).toBeLessThan(64);
  for (const box of boxes) expect(box.top).toBeLessThan(boxes[0]!.bottom);
}
