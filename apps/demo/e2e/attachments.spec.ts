import { expect, type Page, test } from '@playwright/test';
import { pickModel, send, settled } from './app.ts';
import { simulator } from './simulator.ts';

// A 1×1 PNG: the simulator reads its pixel size back from the bytes.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Fires a real drag and drop of a PNG named `name` on `selector`, as the browser does for a file from the desktop. */
async function dropPng(page: Page, selector: string, name: string) {
  await page.locator(selector).evaluate(
    (target, { base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    },
    { base64: PNG, name },
  );
}

async function pastePng(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Message' }).evaluate(
    (target, { base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'image/png' }));
      target.dispatchEvent(
        new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }),
      );
    },
    { base64: PNG, name },
  );
}

type Part = { type: string; image_url?: { url: string }; input_audio?: { format: string; data: string } };
const partsOf = (body: Record<string, unknown> | undefined) =>
  ((body?.messages ?? []) as { role: string; content: unknown }[])
    .filter((message) => message.role === 'user' && Array.isArray(message.content))
    .flatMap((message) => message.content as Part[]);

test.beforeEach(async ({ request, page }) => {
  await simulator(request).reset();
  await page.goto('/');
  // The vision model takes images, audio and video; the composer offers what the model takes.
  await pickModel(page, /Parley: Echo/);
  await pickModel(page, /Parley: Vision/);
});

test('images dropped on the chat or the message box, and pasted, reach the request', async ({
  page,
  request,
}) => {
  const attachments = page.getByRole('list', { name: 'Attachments' });
  // Anywhere on the conversation, as on the message box itself.
  await dropPng(page, '[role="log"]', 'dropped-on-chat.png');
  await expect(attachments.getByRole('img', { name: 'dropped-on-chat.png' })).toBeVisible();
  await dropPng(page, 'form[data-slot="composer"]', 'dropped-on-box.png');
  await expect(attachments.getByRole('img', { name: 'dropped-on-box.png' })).toBeVisible();
  await pastePng(page, 'pasted.png');
  await expect(attachments.getByRole('img', { name: 'pasted.png' })).toBeVisible();

  const reply = await send(page, 'What do you see?');
  await settled(page);
  await expect(reply).toContainText(/image/i);
  const [body] = await simulator(request).requests();
  const images = partsOf(body).filter((part) => part.type === 'image_url');
  expect(images).toHaveLength(3);
  for (const image of images) expect(image.image_url?.url).toBe(`data:image/png;base64,${PNG}`);
});

test('a recording from the microphone (a fake device) reaches the request as audio', async ({
  page,
  request,
}) => {
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(page.getByRole('timer', { name: 'Recording time' })).toBeVisible();
  await page.waitForTimeout(1200);
  await page.getByRole('button', { name: 'Stop recording' }).click();
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveCount(1);

  await send(page, 'Listen to this');
  await settled(page);
  const [body] = await simulator(request).requests();
  const parts = partsOf(body);
  const audio = parts.find((part) => part.type === 'input_audio');
  expect(audio?.input_audio?.data.length).toBeGreaterThan(100);
});
