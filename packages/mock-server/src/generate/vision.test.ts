import { describe, expect, it } from 'vitest';
import { expectErrorResponse, postChat, useSimulator } from '../testing/harness.ts';
import { PNG_BASE64 } from '../testing/requests.ts';

const simulator = useSimulator();

async function send(parts: unknown[]) {
  const response = await postChat(simulator().baseURL, {
    model: 'parley/vision',
    messages: [{ role: 'user', content: parts }],
  });
  return { status: response.status, body: await response.json() };
}

const text = { type: 'text', text: 'What did I send?' };

describe('parley/vision says what it received', () => {
  it('describes an inline PNG by format, pixel size and bytes', async () => {
    const { body } = await send([
      text,
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}`, detail: 'high' } },
    ]);
    expect(body.choices[0].message.content).toContain(
      'an image (PNG, 1×1 pixels, 70 bytes, sent as data URL, detail high)',
    );
  });

  it('describes a remote image without fetching it', async () => {
    const { body } = await send([
      text,
      { type: 'image_url', image_url: { url: 'https://example.com/photos/cat.jpeg?size=large' } },
    ]);
    expect(body.choices[0].message.content).toContain(
      'an image (JPEG, size unknown: a remote URL, which I do not fetch, sent as URL)',
    );
  });

  it('describes audio and both kinds of video part', async () => {
    const { body } = await send([
      { type: 'input_audio', input_audio: { data: 'AAAAAAAA', format: 'wav' } },
      { type: 'video_url', video_url: { url: 'https://example.com/clip.webm' } },
      { type: 'input_video', video_url: { url: `data:video/mp4;base64,${'A'.repeat(40)}` } },
    ]);
    const content: string = body.choices[0].message.content;
    expect(content).toContain('I received 3 attachments');
    expect(content).toContain('an audio clip (wav, 6 bytes, sent as inline data)');
    expect(content).toContain('a video (WEBM,');
    expect(content).toContain('a video (MP4, 30 bytes, sent as data URL)');
  });

  it.each([
    [
      'a data URL of the wrong kind',
      { type: 'image_url', image_url: { url: 'data:audio/mpeg;base64,AAAA' } },
      'messages[0].content[0].image_url.url',
    ],
    [
      'a data URL that is not base64',
      { type: 'image_url', image_url: { url: 'data:image/png,rawbytes' } },
      'messages[0].content[0].image_url.url',
    ],
    [
      'an image URL that is not http',
      { type: 'image_url', image_url: { url: 'file:///etc/passwd' } },
      'messages[0].content[0].image_url.url',
    ],
    [
      'audio that is not base64',
      { type: 'input_audio', input_audio: { data: '%%%', format: 'mp3' } },
      'messages[0].content[0].input_audio.data',
    ],
    ['a video part without a URL', { type: 'video_url' }, 'messages[0].content[0].video_url.url'],
  ])('refuses %s with a 400 naming the part', async (_name, part, param) => {
    const { status, body } = await send([part]);
    expect(status).toBe(400);
    expectErrorResponse(body);
    expect(body.error.param).toBe(param);
  });
});
