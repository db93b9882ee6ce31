/** @jsxImportSource ../jsx */
'use client';
import type { ChatImagePart } from '@parley/client/chat';
import * as React from 'react';
import { lazyComponent, useLoaded } from '../lazy-component.tsx';
import { safeUrl } from '../safe-url.ts';
import type { ContentPartProps } from './content-part-types.ts';
import { GatedImage } from './gated-image.tsx';
import type { ImageDialogProps } from './image-dialog.tsx';

// The larger view (radix Dialog with its focus trap and scroll lock) is a chunk of its own, loaded when
// the person points at or focuses a thumbnail, or at the latest when they open it: a conversation's rows
// do not carry it for images nobody opens. Should it fail to download (offline), the thumbnail stays and
// the next press tries again.
const imageDialog = lazyComponent<ImageDialogProps>(() =>
  import('./image-dialog.tsx').then((module) => module.ImageDialog),
);
const preloadDialog = () => void imageDialog.preload().catch(() => undefined);

/**
 * An image (URL or data URL) with its alt text, opening a larger view in a dialog. Images in
 * assistant output wait for the person's permission before they load (see `GatedImage`).
 */
export function ImagePart({ part, messageRole }: ContentPartProps<ChatImagePart>) {
  const [loaded, setLoaded] = React.useState(messageRole !== 'assistant');
  // Set once the dialog's code is there; mounted from the first open on, so closing plays out and returns
  // focus as a dialog's does.
  const [open, setOpen] = React.useState<boolean | undefined>(undefined);
  const triggerRef = React.useRef<HTMLButtonElement>(null);
  const ImageDialog = useLoaded(imageDialog);
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
    <>
      <figure data-slot="image-part" data-state="shown">
        <button
          ref={triggerRef}
          type="button"
          data-slot="image-part-trigger"
          aria-label={`View larger: ${name}`}
          aria-haspopup="dialog"
          aria-expanded={open === true}
          onPointerEnter={preloadDialog}
          onFocus={preloadDialog}
          onClick={() => {
            imageDialog.preload().then(
              () => setOpen(true),
              () => undefined,
            );
          }}
        >
          <img data-slot="image-part-image" src={src} alt={alt} loading="lazy" referrerPolicy="no-referrer" />
        </button>
        {alt ? <figcaption data-slot="image-part-caption">{alt}</figcaption> : null}
      </figure>
      {open === undefined || !ImageDialog ? null : (
        <ImageDialog src={src} alt={alt} open={open} onOpenChange={setOpen} triggerRef={triggerRef} />
      )}
    </>
  );
}
