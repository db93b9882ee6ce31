import { createParleyClient } from '@parley/client';
import { createChatStore, selectMessages, syncScheduler } from '@parley/client/chat';
import { describe, expect, it } from 'vitest';
import { simulatorBaseURL, textOf } from './__fixtures__/test-chat.tsx';
import {
  attachmentKind,
  fileToChatPart,
  recordingToChatPart,
  UnsupportedAttachmentError,
  urlToImagePart,
} from './content-parts.ts';

// A 1x1 transparent PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** Records a short tone with the browser's MediaRecorder, as a voice note would be. */
async function recordTone(): Promise<Blob> {
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const destination = audio.createMediaStreamDestination();
  tone.connect(destination);
  tone.start();
  const recorder = new MediaRecorder(destination.stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
  recorder.start();
  // A recording needs some audio in it; a fifth of a second is a short voice note.
  await new Promise((resolve) => setTimeout(resolve, 200));
  recorder.stop();
  await stopped;
  tone.stop();
  await audio.close();
  return new Blob(chunks, { type: recorder.mimeType });
}

describe('content parts from browser files', () => {
  it('turns an image file into a data-URL image part named after the file', async () => {
    const part = await fileToChatPart(new File([PNG], 'dot.png', { type: 'image/png' }));
    expect(part).toEqual({
      type: 'image',
      url: expect.stringMatching(/^data:image\/png;base64,iVBOR/),
      alt: 'dot.png',
    });
  });

  it('turns audio into base64 input_audio with its format', async () => {
    const part = await fileToChatPart(
      new File([new Uint8Array([82, 73, 70, 70])], 'note.wav', { type: 'audio/wav' }),
    );
    expect(part).toEqual({ type: 'audio', data: 'UklGRg==', format: 'wav', name: 'note.wav' });
    const recording = await recordingToChatPart(
      new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm;codecs=opus' }),
    );
    expect(recording).toEqual({ type: 'audio', data: 'AQID', format: 'webm' });
  });

  it('turns an image Blob with no file name into an image part of its media type', async () => {
    const part = await fileToChatPart(new Blob([PNG], { type: 'image/png' }));
    expect(part).toEqual({ type: 'image', url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) });
  });

  it('turns a MediaRecorder recording into input_audio that reaches the model', async () => {
    const recording = await recordTone();
    const part = await recordingToChatPart(recording);
    expect(part.type).toBe('audio');
    expect(part.format).toBe(recording.type.includes('ogg') ? 'ogg' : 'webm');
    expect(atob(part.data).length).toBe(recording.size);
    const store = createChatStore({
      client: createParleyClient({ baseURL: simulatorBaseURL() }),
      model: 'parley/vision',
      scheduler: syncScheduler,
      params: { metadata: { parley_scenario: 'slow;pace=0' } },
    });
    await store.send([{ type: 'text', text: 'What did I say?' }, part]);
    const reply = selectMessages(store.getState())[1];
    expect(reply?.status).toBe('complete');
    expect(textOf(reply ?? { parts: [] })).toMatch(new RegExp(`audio.*${part.format}`, 'is'));
  });

  it('turns a video into a data-URL video part', async () => {
    const part = await fileToChatPart(
      new File([new Uint8Array([0, 0, 0])], 'clip.mp4', { type: 'video/mp4' }),
    );
    expect(part).toEqual({
      type: 'video',
      url: 'data:video/mp4;base64,AAAA',
      source: 'video_url',
      name: 'clip.mp4',
    });
  });

  it('refuses files that are not media, and tells kinds apart without a media type', async () => {
    await expect(fileToChatPart(new File(['x'], 'notes.txt', { type: 'text/plain' }))).rejects.toBeInstanceOf(
      UnsupportedAttachmentError,
    );
    expect(attachmentKind({ type: '', name: 'photo.JPG' })).toBe('image');
    expect(attachmentKind({ type: 'application/pdf', name: 'a.pdf' })).toBeUndefined();
  });

  it('accepts only web and data image URLs', () => {
    expect(urlToImagePart(' https://example.com/cat.png ', 'low')).toEqual({
      type: 'image',
      url: 'https://example.com/cat.png',
      detail: 'low',
    });
    expect(() => urlToImagePart('javascript:alert(1)')).toThrow(TypeError);
  });

  it('sends an attached image that the vision model sees', async () => {
    const store = createChatStore({
      client: createParleyClient({ baseURL: simulatorBaseURL() }),
      model: 'parley/vision',
      scheduler: syncScheduler,
      params: { metadata: { parley_scenario: 'slow;pace=0' } },
    });
    const image = await fileToChatPart(new File([PNG], 'dot.png', { type: 'image/png' }));
    await store.send([{ type: 'text', text: 'What is in this picture?' }, image]);
    const reply = selectMessages(store.getState())[1];
    expect(reply?.status).toBe('complete');
    expect(textOf(reply ?? { parts: [] })).toMatch(/image/i);
  });
});
