/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';
import { isRemoteUrl, urlOrigin } from '../safe-url.ts';

export interface GatedImageProps extends Omit<React.ComponentProps<'img'>, 'src'> {
  /** An image URL already checked by `safeUrl(url, 'image')`. */
  src: string;
  /**
   * `ask` shows a "Load image from <host>" button first; `allow` loads at once. Model output
   * should ask: an image URL can carry conversation data to whoever serves it.
   */
  policy?: 'ask' | 'allow' | undefined;
  /** Called when the person chooses to load the image. */
  onAllow?: ((src: string) => void) | undefined;
}

/**
 * An image that, under the `ask` policy, is not requested until the person allows it: markdown
 * images are a known data-exfiltration channel (a URL built from the conversation fetched the
 * moment it renders). Embedded `data:` images ask too, since they are model-authored content.
 */
export function GatedImage({ src, policy = 'ask', onAllow, alt, className, ref, ...props }: GatedImageProps) {
  const [allowed, setAllowed] = React.useState(false);
  if (policy === 'ask' && !allowed && !src.startsWith('blob:')) {
    const from = isRemoteUrl(src) ? `from ${urlOrigin(src)}` : 'embedded in the reply';
    return (
      <button
        type="button"
        data-slot="gated-image-button"
        className={className}
        onClick={() => {
          setAllowed(true);
          onAllow?.(src);
        }}
      >
        {`Load image ${from}`}
        {alt ? <span data-slot="gated-image-alt">{alt}</span> : null}
      </button>
    );
  }
  return (
    <img
      data-slot="gated-image"
      ref={ref}
      className={className}
      src={src}
      alt={alt ?? ''}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      {...props}
    />
  );
}
