import { expect, type Page, test } from '@playwright/test';
import { menu, pickModel, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

/** Opens Settings on the section `tab`, lets `change` set what it needs, and closes it again. */
async function inSettings(
  page: Page,
  tab: 'Parameters' | 'Output' | 'Providers' | 'Plugins',
  change: (settings: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await menu(page, 'Settings');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('tab', { name: tab }).click();
  await change(settings.getByRole('tabpanel', { name: tab }));
  await settings.getByRole('button', { name: 'Close' }).click();
}

test('logprobs asked for in Settings come back and show in the reply details', async ({ page, request }) => {
  await page.goto('/');
  await inSettings(page, 'Output', async (settings) => {
    await settings.getByLabel('Logprobs', { exact: true }).selectOption({ label: 'Yes' });
    await settings.getByLabel('Top logprobs').fill('3');
  });
  const reply = await send(page, 'Say something probable');
  await settled(page);
  await reply.getByRole('button', { name: 'Details' }).click();
  const tokens = reply.getByRole('toolbar', { name: 'Reply tokens by probability' });
  await expect(tokens).toBeVisible();
  await expect(tokens.getByRole('button').first()).toBeVisible();
  // Kept as a test artefact: the details card on a desktop screen, the token view in it.
  await tokens.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('reply-details.png') });
  const [body] = await simulator(request).requests();
  expect(body).toMatchObject({ logprobs: true, top_logprobs: 3 });
});

test('a JSON response format shows the reply as a structured tree', async ({ page, request }) => {
  await page.goto('/');
  await pickModel(page, /Parley: Echo/);
  await pickModel(page, /Parley: Structured/);
  await inSettings(page, 'Output', async (settings) => {
    await settings.getByLabel('Format').selectOption({ label: 'JSON object' });
  });
  const reply = await send(page, 'Describe a harbour');
  await settled(page);
  await expect(reply.getByRole('region', { name: 'Structured reply' })).toBeVisible();
  const [body] = await simulator(request).requests();
  expect(body).toMatchObject({ model: 'parley/structured', response_format: { type: 'json_object' } });
});

test('web search turned on in Settings shows the reply sources', async ({ page, request }) => {
  await page.goto('/');
  await inSettings(page, 'Plugins', async (settings) => {
    await settings.getByRole('checkbox', { name: 'Web search' }).check();
  });
  const reply = await send(page, 'Tell me about lighthouses');
  await settled(page);
  const sources = reply.getByRole('region', { name: 'Sources' });
  await expect(sources).toBeVisible();
  await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/[^/]+\.example\//);
  const [body] = await simulator(request).requests();
  expect(body).toMatchObject({ plugins: [{ id: 'web' }] });
});
