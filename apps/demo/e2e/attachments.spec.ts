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

type Part = {
  type: string;
  image_url?: { url: string };
  video_url?: { url: string };
  input_audio?: { format: string; data: string };
};

/** A short WAV file (16-bit mono PCM, 8 kHz, a 440 Hz tone of 0.1 s), as a person would upload one. */
function wavFile(): Buffer {
  const samples = 800;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++)
    data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The start of an MP4 file (its `ftyp` box): enough for a video part, which is never decoded here. */
const MP4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypisom'),
  Buffer.from([0, 0, 2, 0]),
  Buffer.from('isomiso2'),
  Buffer.alloc(64, 1),
]);

/** Chooses files through the composer's Attach button and the browser's file picker. */
async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach' }).click();
  await (await chooser).setFiles(files);
}
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
  // Anywhere on the chat (here the new chat's welcome), as on the message box itself.
  await dropPng(page, 'section[aria-labelledby="welcome-title"]', 'dropped-on-chat.png');
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

test('an uploaded video and audio file reach the request as a video part and input audio', async ({
  page,
  request,
}) => {
  const wav = wavFile();
  await upload(page, [
    { name: 'clip.mp4', mimeType: 'video/mp4', buffer: MP4 },
    { name: 'note.wav', mimeType: 'audio/wav', buffer: wav },
  ]);
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveCount(2);
  await expect(attachments).toContainText('clip.mp4');
  await expect(attachments).toContainText('note.wav');

  const reply = await send(page, 'Watch and listen');
  await settled(page);
  // The vision model says what it received: a video and an audio file.
  await expect(reply).toContainText(/video/i);
  await expect(reply).toContainText(/audio/i);
  const [body] = await simulator(request).requests();
  const parts = partsOf(body);
  expect(parts.find((part) => part.type === 'video_url')?.video_url?.url).toBe(
    `data:video/mp4;base64,${MP4.toString('base64')}`,
  );
  expect(parts.find((part) => part.type === 'input_audio')?.input_audio).toEqual({
    format: 'wav',
    data: wav.toString('base64'),
  });
});
