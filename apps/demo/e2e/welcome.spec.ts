import { expect, test } from '@playwright/test';
import { settled } from './app.ts';
import { simulator } from './simulator.ts';

type Part = { type: string; text?: string; image_url?: { url: string } };
const lastUserParts = (body: Record<string, unknown> | undefined) => {
  const messages = (body?.messages ?? []) as { role: string; content: unknown }[];
  const content = messages.filter((message) => message.role === 'user').at(-1)?.content;
  return typeof content === 'string' ? [{ type: 'text', text: content }] : ((content ?? []) as Part[]);
};

test.beforeEach(async ({ request, page }) => {
  await simulator(request).reset();
  await page.goto('/');
});

test('a new chat welcomes with suggestions; one press sends it and the reply streams', async ({
  page,
  request,
}) => {
  const welcome = page.getByRole('region', { name: 'What shall we try?' });
  await expect(welcome).toBeVisible();
  const suggestions = welcome.getByRole('list', { name: 'Suggestions' }).getByRole('button');
  await expect(suggestions).toHaveCount(4);

  await welcome.getByRole('button', { name: /Think it through/ }).click();
  // The suggestion chose the model that shows reasoning, and the reply streams its thinking.
  await expect(page.getByRole('button', { name: /^Model: Parley: Reasoner/ })).toBeVisible();
  const reply = page.getByRole('article', { name: 'Assistant message' });
  await expect(reply).toBeVisible();
  await expect(welcome).toBeHidden();
  await settled(page);
  await expect(reply.getByRole('button', { name: /^Thought for/ })).toBeVisible();
  await expect(reply).toContainText('Plan a rainy Sunday in Lisbon');

  const [body] = await simulator(request).requests();
  expect(body?.model).toBe('parley/reasoner');
  expect(lastUserParts(body)).toEqual([
    { type: 'text', text: 'Plan a rainy Sunday in Lisbon, reasoning step by step.' },
  ]);
});

test('the suggestions work from the keyboard: structured output and a picture', async ({ page, request }) => {
  const welcome = page.getByRole('region', { name: 'What shall we try?' });
  await welcome.getByRole('button', { name: /Answer as JSON/ }).focus();
  await page.keyboard.press('Enter');
  // The welcome makes way for the conversation; the message box has the focus for a follow-up.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await settled(page);
  // The reply is a JSON document shown as a tree, checked against the schema the suggestion set.
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText(
    'The reply matches the schema',
  );
  const [structured] = await simulator(request).requests();
  expect(structured?.model).toBe('parley/structured');
  expect(structured?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'recipe' } });

  // A new chat welcomes again; the picture suggestion sends a PNG drawn in the page.
  await page.keyboard.press('Control+Shift+O');
  await page
    .getByRole('region', { name: 'What shall we try?' })
    .getByRole('button', { name: /Look at a picture/ })
    .focus();
  await page.keyboard.press('Space');
  await settled(page);
  await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText(
    'an image (PNG, 160×100',
  );
  const [, vision] = await simulator(request).requests();
  expect(vision?.model).toBe('parley/vision');
  const parts = lastUserParts(vision);
  expect(parts[0]).toEqual({ type: 'text', text: 'What is in this picture?' });
  expect(parts[1]?.image_url?.url).toMatch(/^data:image\/png;base64,/);
});
