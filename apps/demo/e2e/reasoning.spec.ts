import { expect, test } from '@playwright/test';
import { pickModel, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request, page }) => {
  await simulator(request).reset();
  await page.goto('/');
  await pickModel(page, /Parley: Echo/);
  await pickModel(page, /Parley: Reasoner/);
});

test('reasoning is shown as it streams, folds away with the answer, and opens and folds on demand', async ({
  page,
  request,
}) => {
  const sim = simulator(request);
  // The stream pauses twice while the model is still thinking, so the test sees the text at two moments.
  await sim.scenario('hold;after=4;id=first,hold;after=14;id=second');
  await page.getByRole('textbox', { name: 'Message' }).fill('Why is the sky blue?');
  await page.getByRole('button', { name: 'Send' }).click();

  const reply = page.getByRole('article', { name: 'Assistant message' });
  const thinking = reply.getByRole('button', { name: 'Thinking…' });
  await expect(thinking).toHaveAttribute('aria-expanded', 'true');
  const reasoning = reply.getByRole('region', { name: 'Full reasoning' });
  await expect(reasoning).not.toBeEmpty();
  const textOf = async () => ((await reasoning.textContent()) ?? '').trim();
  const early = await textOf();
  expect(early.length).toBeGreaterThan(0);

  await sim.release('first');
  // More of the reasoning arrives while the reply is still unfinished (Stop is still offered).
  await expect.poll(async () => (await textOf()).length).toBeGreaterThan(early.length);
  const streamed = await textOf();
  // Grown, not replaced (a half-streamed last word may still change, so up to the one before).
  const settledPart = (text: string) => text.replace(/\S*$/, '');
  expect(streamed.startsWith(settledPart(early))).toBe(true);
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(thinking).toBeVisible();

  await sim.release('second');
  await settled(page);
  const done = reply.getByRole('button', { name: /^Thought for \d+ s$/ });
  await expect(done).toBeVisible();
  await expect(reply).toContainText('Why is the sky blue?');

  // Once the answer is there the reasoning folds away; it opens again (pointer or keyboard) with
  // everything that streamed, and folds again.
  await expect(done).toHaveAttribute('aria-expanded', 'false');
  await expect(reasoning).toBeHidden();
  await done.click();
  await expect(done).toHaveAttribute('aria-expanded', 'true');
  await expect(reasoning).toBeVisible();
  const full = await textOf();
  expect(full.startsWith(settledPart(streamed))).toBe(true);
  expect(full.length).toBeGreaterThan(streamed.length);
  await done.press('Enter');
  await expect(done).toHaveAttribute('aria-expanded', 'false');
  await expect(reasoning).toBeHidden();
});
