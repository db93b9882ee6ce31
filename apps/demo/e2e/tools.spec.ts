import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { send, settled } from './app.ts';
import { simulator } from './simulator.ts';

test.beforeEach(async ({ request, page }) => {
  await simulator(request).reset();
  await page.goto('/');
  await page.getByRole('button', { name: /^Model: / }).click();
  // In chain mode an option adds or removes a model: the default one goes first.
  await page.getByRole('option', { name: /Parley: Echo/ }).click();
  await page.getByRole('option', { name: /Parley: Tool caller/i }).click();
  await page.keyboard.press('Escape');
});

/**
 * The chat requests once there are `count` of them, and the chat idle again: the tool runs (and
 * loads what it runs with) between two requests, so an idle composer alone does not say the next
 * request went out.
 */
async function requestsOnceIdle(page: Page, request: APIRequestContext, count: number) {
  await expect.poll(async () => (await simulator(request).requests()).length).toBe(count);
  await settled(page);
  return simulator(request).requests();
}

const toolMessages = (body: Record<string, unknown> | undefined) =>
  ((body?.messages ?? []) as { role: string; content: unknown }[]).filter((m) => m.role === 'tool');

/**
 * Records every state of the composer's Send/Stop button (`data-state`) from now on, in the page,
 * so a state shown for a single frame is not missed between two of the test's looks.
 */
async function recordComposerStates(page: Page) {
  await page.evaluate(() => {
    const read = () =>
      document.querySelector<HTMLElement>('[data-slot="composer-send"]')?.dataset.state ?? '';
    const states = [read()];
    (window as unknown as { composerStates: string[] }).composerStates = states;
    new MutationObserver(() => {
      const state = read();
      if (state !== states.at(-1)) states.push(state);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { composerStates: string[] }).composerStates);
}

test('the composer offers Stop, never Send, while a tool runs and until the answer has streamed', async ({
  page,
  request,
}) => {
  await page.getByRole('textbox', { name: 'Message' }).fill('What is the time in Paris?');
  const states = await recordComposerStates(page);
  await page.getByRole('button', { name: 'Send' }).click();
  const requests = await requestsOnceIdle(page, request, 2);
  expect(toolMessages(requests[1])).toHaveLength(1);
  // Send, then Stop through the request, the tool (and the code it loads) and the follow-up.
  expect(await states()).toEqual(['send', 'stop', 'send']);
});

test('a tool asks for approval, runs in the browser once approved, and the model answers from it', async ({
  page,
  request,
}) => {
  await send(page, 'Please convert 5 km to mi');
  const approve = page.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeVisible();
  await approve.click();
  const requests = await requestsOnceIdle(page, request, 2);
  expect(requests).toHaveLength(2);
  const [result] = toolMessages(requests[1]);
  // The converter ran here, on the arguments the model chose.
  expect(JSON.parse(String(result?.content))).toMatchObject({
    value: expect.any(Number),
    unit: expect.any(String),
  });
});

test('a denied call tells the model so', async ({ page, request }) => {
  await send(page, 'Please convert 5 km to mi');
  await page.getByRole('button', { name: 'Deny' }).click();
  const requests = await requestsOnceIdle(page, request, 2);
  expect(String(toolMessages(requests[1])[0]?.content)).toMatch(/denied/i);
});

test('a failing tool reaches the model as an error and the chat goes on', async ({ page, request }) => {
  await send(page, 'What is the time in Atlantis?');
  const requests = await requestsOnceIdle(page, request, 2);
  expect(String(toolMessages(requests[1])[0]?.content)).toMatch(/^Error/);
  await expect(page.getByRole('article', { name: 'Assistant message' }).last()).toBeVisible();
});

test('the round limit stops a model that keeps calling tools, and says so', async ({ page, request }) => {
  // Seven calls spread over seven rounds: the chat runs five (its default limit) and stops.
  await send(
    page,
    'What is the time in Paris, Rome, Tokyo, Sydney, London, Berlin and Lisbon? parley_rounds=7',
  );
  await expect(page.getByText(/Stopped after 5 tool rounds/).first()).toBeVisible({ timeout: 20_000 });
  await settled(page);
  const requests = await simulator(request).requests();
  // The first request, then one per round that ran.
  expect(requests).toHaveLength(6);
  expect(toolMessages(requests.at(-1))).toHaveLength(5);
});
