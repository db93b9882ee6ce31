/** @jsxImportSource ../jsx */
'use client';
import type { ChatAudioPart } from '@parley/client/chat';
import { safeUrl } from '../safe-url.ts';
import type { ContentPartProps } from './content-part-types.ts';

// `input_audio.format` names a container; the browser needs the media type to pick a decoder.
const AUDIO_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  mpeg: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  aac: 'audio/aac',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  webm: 'audio/webm',
};

/** Turns an `input_audio` part (base64 data and a format) into a `data:` URL a player can load. */
export function audioPartUrl(part: ChatAudioPart): string | undefined {
  const format = part.format.toLowerCase();
  const type = AUDIO_TYPES[format] ?? `audio/${format}`;
  return safeUrl(`data:${type};base64,${part.data}`, 'audio');
}

/** A player for inline audio (`input_audio`). */
export function AudioPart({ part }: ContentPartProps<ChatAudioPart>) {
  const src = audioPartUrl(part);
  const name = part.name ?? `Audio (${part.format})`;
  return (
    <figure data-slot="audio-part">
      {src ? (
        // biome-ignore lint/a11y/useMediaCaption: user or model audio comes without captions to offer
        <audio data-slot="audio-part-player" controls preload="metadata" src={src} aria-label={name} />
      ) : (
        <span>Audio not shown: unsupported format.</span>
      )}
      <figcaption data-slot="audio-part-caption">{name}</figcaption>
    </figure>
  );
}
