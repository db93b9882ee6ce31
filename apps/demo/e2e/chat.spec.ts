import { expect, test } from '@playwright/test';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('a reply streams in, and Stop keeps the part that arrived', async ({ page, request }) => {
  const sim = simulator(request);
  // The reply pauses after 6 tokens until released, so the test sees it mid-stream for certain.
  await sim.scenario('hold;after=6');
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Message' }).fill('Tell me about tide pools');
  await page.getByRole('button', { name: 'Send' }).click();

  const reply = page
    .getByRole('article', { name: 'Assistant message' })
    .locator('[data-slot="message-content"]');
  await expect(reply).toContainText(/\w+/);
  const partial = (await reply.textContent()) ?? '';
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  // Escape is the app's Stop shortcut; the Stop button is clicked in the keyboard-free flows.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  // Released after the stop: nothing more may arrive, and what arrived stays.
  await sim.release();
  await page.waitForTimeout(300);
  await expect(reply).toContainText(partial.slice(0, 20));
  const requests = await sim.requests();
  expect(requests).toHaveLength(1);
  expect(JSON.stringify(requests[0]?.messages)).toContain('Tell me about tide pools');
});
