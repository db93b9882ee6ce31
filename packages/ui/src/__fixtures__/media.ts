/**
 * Small media made on the spot, so tests and stories exercise real <audio>/<video> decoding
 * without shipping binary files.
 */

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** A mono 16-bit PCM WAV of a 440 Hz tone, as base64 (the shape of an `input_audio` part). */
export function toneWavBase64(seconds = 0.5, sampleRate = 8000): string {
  const samples = Math.round(seconds * sampleRate);
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8000), true);
  }
  return toBase64(new Uint8Array(buffer));
}

/** A 1x1 PNG as a data URL. */
export const pixelPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A 64x48 PNG drawn on a canvas (a gradient), as a data URL; browser only. */
export function gradientPng(width = 64, height = 48): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context) {
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, '#2b50c8');
    gradient.addColorStop(1, '#f0b429');
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
  }
  return canvas.toDataURL('image/png');
}

/** Records a short WebM clip of an animated canvas with MediaRecorder; resolves to a blob: URL. */
export async function recordCanvasVideo(milliseconds = 400): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d');
  const stream = canvas.captureStream(25);
  const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((resolve) => {
    recorder.onstop = resolve;
  });
  let frame = 0;
  const timer = setInterval(() => {
    if (!context) return;
    context.fillStyle = frame++ % 2 ? '#2b50c8' : '#f0b429';
    context.fillRect(0, 0, 64, 48);
  }, 40);
  recorder.start(100);
  await new Promise((resolve) => setTimeout(resolve, milliseconds));
  recorder.stop();
  await stopped;
  clearInterval(timer);
  return URL.createObjectURL(new Blob(chunks, { type: 'video/webm' }));
}
