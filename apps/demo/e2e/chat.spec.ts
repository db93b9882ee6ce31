import { expect, test } from '@playwright/test';
import { pickModel, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('a reply streams in, and Stop keeps the part that arrived', async ({ page, request }) => {
  const sim = simulator(request);
  // The reply pauses after 6 tokens until released, so the test sees it mid-stream for certain.
  // A hold id of this run's own: a release that finds no waiting stream stays as a credit.
  const hold = `stop-${Date.now()}`;
  await sim.scenario(`hold;after=6;id=${hold}`);
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
  await sim.release(hold);
  await page.waitForTimeout(300);
  await expect(reply).toContainText(partial.slice(0, 20));
  const requests = await sim.requests();
  expect(requests).toHaveLength(1);
  expect(JSON.stringify(requests[0]?.messages)).toContain('Tell me about tide pools');
});

test('regenerate makes a second version, and the versions can be switched', async ({ page, request }) => {
  await page.goto('/');
  const reply = await send(page, 'Name a lighthouse');
  await settled(page);
  await expect(reply).toContainText('parley/echo');
  // Another model for the second try, so the two versions differ where a person can see it.
  await pickModel(page, /Parley: Echo/);
  await pickModel(page, /Parley: Reasoner/);
  await reply.getByRole('button', { name: 'Regenerate' }).click();
  await settled(page);

  const versions = page.getByRole('group', { name: 'Versions' });
  await expect(versions).toContainText('2 / 2');
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('parley/reasoner');
  await versions.getByRole('button', { name: 'Previous version' }).click();
  await expect(versions).toContainText('1 / 2');
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('parley/echo');

  const requests = await simulator(request).requests();
  expect(requests.map((body) => body.model)).toEqual(['parley/echo', 'parley/reasoner']);
  expect(JSON.stringify(requests[1]?.messages)).toContain('Name a lighthouse');
});

test('a 429 shows its countdown and recovers on its own', async ({ page, request }) => {
  await simulator(request).scenario('rate-limit;times=1;retry-after=2');
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Message' }).fill('Are you busy?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('timer')).toContainText(/Retrying automatically in \d+ seconds?/);
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText('Are you busy?', {
    timeout: 15_000,
  });
  await expect(page.getByRole('timer')).toHaveCount(0);
  expect(await simulator(request).requests()).toHaveLength(2);
});

test('an error mid-stream keeps the text that arrived and offers Retry, which completes the reply', async ({
  page,
  request,
}) => {
  await simulator(request).scenario('error-mid-stream;after=6;times=1');
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Message' }).fill('Tell me about harbours');
  await page.getByRole('button', { name: 'Send' }).click();
  const content = page
    .getByRole('article', { name: 'Assistant message' })
    .locator('[data-slot="message-content"]');
  const retry = page.getByRole('button', { name: 'Retry' }).first();
  await expect(retry).toBeVisible({ timeout: 15_000 });
  const partial = ((await content.textContent()) ?? '').trim();
  expect(partial.length).toBeGreaterThan(0);
  await retry.click();
  await settled(page);
  await expect(content.last()).toContainText('Tell me about harbours');
  expect(await simulator(request).requests()).toHaveLength(2);
});
