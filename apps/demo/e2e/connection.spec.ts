import { expect, test } from '@playwright/test';
import { menu, send, settled } from './app.ts';
import { endpointWithKey, simulator } from './simulator.ts';

test.beforeEach(async ({ request }) => {
  await simulator(request).reset();
});

test('a wrong key says so and offers to change it; a new endpoint and key apply to the next send of the same conversation', async ({
  page,
  request,
}) => {
  // The second endpoint is a simulator started in this worker from the package's sources: compiling
  // them took 22 s of a loaded 2-core machine, which the test's own 30 s must not have to absorb.
  test.slow();
  const other = await endpointWithKey('sk-right');
  try {
    await page.goto('/');
    await send(page, 'First question for the simulator');
    await settled(page);

    // Another endpoint with a wrong key, mid-conversation.
    await menu(page, 'Connection');
    const dialog = page.getByRole('dialog', { name: 'Connection' });
    // It opens on the field it is about.
    await expect(dialog.getByLabel('Base URL')).toBeFocused();
    await dialog.getByLabel('Base URL').fill(other.baseURL);
    await dialog.getByLabel('API key').fill('sk-wrong');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await expect(dialog.getByRole('list', { name: 'Models of this endpoint' })).toContainText('parley/echo');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('textbox', { name: 'Message' }).fill('Second question, elsewhere');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByText('Invalid API key').first()).toBeVisible();
    await page.getByRole('button', { name: 'Change API key' }).first().click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Base URL')).toHaveValue(other.baseURL);
    await dialog.getByLabel('API key').fill('sk-right');
    await dialog.getByRole('button', { name: 'Save' }).click();

    // The failed turn makes way for the next message (the failed one stays as an earlier version).
    await page.getByRole('textbox', { name: 'Message' }).fill('Third question, with the right key');
    await page.getByRole('button', { name: 'Send' }).click();
    await settled(page);
    await expect(page.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
      /Third question/,
    );

    // The first reply came from the page's own simulator, everything after from the other endpoint,
    // and the last request carried the conversation so far.
    expect(await simulator(request).requests()).toHaveLength(1);
    // (The refused request is answered before its body is read, so the endpoint records only this one.)
    const elsewhere = await other.requests();
    expect(elsewhere).toHaveLength(1);
    const last = JSON.stringify(elsewhere.at(-1)?.messages);
    expect(last).toContain('First question for the simulator');
    expect(last).toContain('Third question, with the right key');

    // The key stays in this tab only (not remembered), and never in the address.
    expect(page.url()).not.toContain('sk-right');
    const stored = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
    }));
    expect(stored.local).not.toContain('sk-right');
    expect(stored.session).toContain('sk-right');
  } finally {
    await other.close();
  }
});
