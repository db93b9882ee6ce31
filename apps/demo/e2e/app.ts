import { expect, type Page } from '@playwright/test';

/** Sends a message from the composer and waits until the reply comes to rest. */
export async function send(page: Page, text: string) {
  const before = await page.getByRole('article', { name: 'Assistant message' }).count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = page.getByRole('article', { name: 'Assistant message' }).nth(before);
  await expect(reply).toBeVisible();
  return reply;
}

/** Waits for the chat to be idle again (Send back in place of Stop). */
export async function settled(page: Page) {
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 20_000 });
}

/** Opens the model picker and picks an option whose name matches. */
export async function pickModel(page: Page, name: RegExp) {
  await page.getByRole('button', { name: /^Model: / }).click();
  await page.getByRole('option', { name }).click();
  await page.keyboard.press('Escape');
}

/** Chooses an item of the header's "More" menu. */
export async function menu(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** Picks the theme from the "More" menu and waits until the page wears it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'system') {
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitemradio', { name: theme[0]!.toUpperCase() + theme.slice(1) }).click();
  await expect(page.locator('html')).toHaveAttribute('data-parley-theme', theme);
}
