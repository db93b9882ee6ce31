/** @jsxImportSource ../jsx */
'use client';
import type { ChatVideoPart } from '@parley/client/chat';
import { isRemoteUrl, safeUrl, urlOrigin } from '../safe-url.ts';
import type { ContentPartProps } from './content-part-types.ts';

/**
 * A player for a video part, by URL or data URL (`video_url` or `input_video`). A remote video in
 * assistant output is not requested until the person presses play: like a markdown image, a URL
 * the model wrote could carry the conversation to whoever serves it, and even `preload="metadata"`
 * fetches it the moment it renders.
 */
export function VideoPart({ part, messageRole }: ContentPartProps<ChatVideoPart>) {
  const src = safeUrl(part.url, 'video');
  const name = part.name ?? 'Video';
  const host = src && messageRole === 'assistant' && isRemoteUrl(src) ? urlOrigin(src) : undefined;
  return (
    <figure data-slot="video-part">
      {src ? (
        // biome-ignore lint/a11y/useMediaCaption: user or model video comes without captions to offer
        <video
          data-slot="video-part-player"
          controls
          preload={host ? 'none' : 'metadata'}
          src={src}
          aria-label={name}
        />
      ) : (
        <span>Video not shown: its address is not allowed.</span>
      )}
      <figcaption data-slot="video-part-caption">
        {name}
        {host ? <span data-slot="video-part-origin">{` (plays from ${host})`}</span> : null}
      </figcaption>
    </figure>
  );
}
