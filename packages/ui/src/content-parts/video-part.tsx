'use client';
import type { ChatVideoPart } from '@parley/client/chat';
import { safeUrl } from '../safe-url.ts';
import type { ContentPartProps } from './content-part-types.ts';

/** A player for a video part, by URL or data URL (`video_url` or `input_video`). */
export function VideoPart({ part }: ContentPartProps<ChatVideoPart>) {
  const src = safeUrl(part.url, 'video');
  const name = part.name ?? 'Video';
  return (
    <figure data-slot="video-part">
      {src ? (
        // biome-ignore lint/a11y/useMediaCaption: user or model video comes without captions to offer
        <video data-slot="video-part-player" controls preload="metadata" src={src} aria-label={name} />
      ) : (
        <span>Video not shown: its address is not allowed.</span>
      )}
      <figcaption data-slot="video-part-caption">{name}</figcaption>
    </figure>
  );
}
