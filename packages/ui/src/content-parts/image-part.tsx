'use client';
import type { ChatImagePart } from '@parley/client/chat';
import { Dialog, VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import { safeUrl } from '../safe-url.ts';
import type { ContentPartProps } from './content-part-types.ts';
import { GatedImage } from './gated-image.tsx';

/**
 * An image (URL or data URL) with its alt text, opening a larger view in a dialog. Images in
 * assistant output wait for the person's permission before they load (see `GatedImage`).
 */
export function ImagePart({ part, messageRole }: ContentPartProps<ChatImagePart>) {
  const [loaded, setLoaded] = React.useState(messageRole !== 'assistant');
  const src = safeUrl(part.url, 'image');
  const alt = part.alt ?? '';
  if (!src) {
    return (
      <div data-slot="image-part" data-state="refused">
        {`Image not shown: its address is not allowed${alt ? ` (${alt})` : ''}.`}
      </div>
    );
  }
  if (!loaded) {
    return (
      <div data-slot="image-part" data-state="waiting">
        <GatedImage src={src} alt={alt} policy="ask" onAllow={() => setLoaded(true)} />
      </div>
    );
  }
  const name = alt || 'image';
  return (
    <Dialog.Root>
      <figure data-slot="image-part" data-state="shown">
        <Dialog.Trigger data-slot="image-part-trigger" aria-label={`View larger: ${name}`}>
          <img data-slot="image-part-image" src={src} alt={alt} loading="lazy" referrerPolicy="no-referrer" />
        </Dialog.Trigger>
        {alt ? <figcaption data-slot="image-part-caption">{alt}</figcaption> : null}
      </figure>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="image-dialog-overlay" />
        <Dialog.Content data-slot="image-dialog" aria-describedby={undefined}>
          <VisuallyHidden.Root>
            <Dialog.Title>{alt || 'Image'}</Dialog.Title>
          </VisuallyHidden.Root>
          <img data-slot="image-dialog-image" src={src} alt={alt} referrerPolicy="no-referrer" />
          <Dialog.Close data-slot="image-dialog-close">Close</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
