/**
 * Real files for composer tests and stories, made on the spot from the media fixtures: an image
 * the browser decodes, a WAV it plays, and files it must refuse.
 */
import type { ComposerAttachment } from '../composer/attachment-files.ts';
import { gradientPng, recordCanvasVideo, toneWavBase64 } from './media.ts';

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A 64x48 PNG. */
export function pngFile(name = 'gradient.png'): File {
  const base64 = gradientPng().split(',')[1] ?? '';
  return new File([bytesOf(base64)], name, { type: 'image/png' });
}

/** Half a second of a 440 Hz tone as WAV. */
export function wavFile(name = 'tone.wav'): File {
  return new File([bytesOf(toneWavBase64())], name, { type: 'audio/wav' });
}

/** A plain text file, which no model takes as an attachment here. */
export function textFile(name = 'notes.txt'): File {
  return new File(['hello'], name, { type: 'text/plain' });
}

/** A live audio stream of a tone from Web Audio, to record without a microphone. */
export async function toneStream(): Promise<MediaStream> {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  // A context made without a user gesture starts suspended and would stream silence-less nothing.
  await context.resume();
  return destination.stream;
}

/** A short WebM clip of an animated canvas, recorded with MediaRecorder. */
export async function webmVideoFile(name = 'clip.webm'): Promise<File> {
  const url = await recordCanvasVideo();
  const blob = await fetch(url).then((response) => response.blob());
  URL.revokeObjectURL(url);
  return new File([blob], name, { type: 'video/webm' });
}

/** Attachments as the composer holds them, for stories that start with files in the draft. */
export async function sampleAttachments(): Promise<ComposerAttachment[]> {
  return [
    { id: 'image', file: pngFile('chart.png'), kind: 'image', origin: 'picker' },
    { id: 'audio', file: wavFile('question.wav'), kind: 'audio', origin: 'drop' },
    { id: 'video', file: await webmVideoFile('screen.webm'), kind: 'video', origin: 'paste' },
  ];
}
