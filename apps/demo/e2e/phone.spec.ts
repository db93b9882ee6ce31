import { expect, test } from '@playwright/test';
import { simulator } from './simulator.ts';

test.use({ viewport: { width: 375, height: 740 } });

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('the phone drawer closes with its button and with Escape, giving focus back', async ({ page }) => {
  await page.goto('/');
  const drawer = page.getByRole('complementary', { name: 'Conversations' });
  const opener = page.getByRole('button', { name: 'Conversations', exact: true });
  await expect(drawer).toBeHidden();

  await opener.click();
  await expect(drawer).toBeVisible();
  await expect(opener).toHaveAttribute('aria-expanded', 'true');
  const close = drawer.getByRole('button', { name: 'Close conversations' });
  await expect(close).toBeFocused();
  await close.click();
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(opener).toHaveAttribute('aria-expanded', 'false');

  // By keyboard: open, move to another control inside (a first visit lists no conversations, so
  // there is no search field yet), Escape closes from anywhere inside.
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'New chat' }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
});
