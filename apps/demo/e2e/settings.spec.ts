import { expect, test } from '@playwright/test';
import { menu, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('model, fallback chain and provider preferences change the next request exactly', async ({
  page,
  request,
}) => {
  const sim = simulator(request);
  await page.goto('/');
  await page.getByRole('button', { name: /^Model: / }).click();
  // In chain mode an option adds or removes a model: Echo (the default) first, then two fallbacks.
  await page.getByRole('option', { name: /Parley: Structured/ }).click();
  await page.getByRole('option', { name: /Parley: Reasoner/ }).click();
  await page.keyboard.press('Escape');

  await menu(page, 'Settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: 'Providers' }).click();
  await expect(settings.getByRole('tabpanel', { name: 'Providers' })).toBeVisible();
  await settings.getByLabel('Provider to add to Only these').fill('Lyrebird');
  await settings.getByLabel('Provider to add to Only these').press('Enter');
  await settings.getByLabel('Sort providers by').selectOption('price');
  await settings.getByRole('button', { name: 'Close' }).click();

  const reply = await send(page, 'Hello there');
  await settled(page);
  const [body] = await sim.requests();
  expect(body).toMatchObject({
    model: 'parley/echo',
    models: ['parley/structured', 'parley/reasoner'],
    provider: { only: ['Lyrebird'], sort: 'price' },
  });
  // Served-by names the one provider the preferences allow.
  await expect(reply).toContainText('via Lyrebird');
});
