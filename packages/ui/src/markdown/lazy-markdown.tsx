'use client';
import * as React from 'react';
import type { MarkdownProps } from './markdown.tsx';

// The renderer (markdown-it, its entity table and linkify: about 50 kB gzip) is not needed for a chat's
// first paint, which has no reply yet: it is its own chunk, loaded by the first reply or `preloadMarkdown`.
let loading: Promise<{ default: React.ComponentType<MarkdownProps> }> | undefined;

/** Starts loading the markdown renderer (once); a chat calls it after its first paint. */
export function preloadMarkdown() {
  loading ??= import('./markdown.tsx').then((module) => ({ default: module.Markdown }));
  // A failed load (offline) is retried by the next caller rather than cached.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const LoadedMarkdown = React.lazy(preloadMarkdown);

/**
 * `Markdown`, loaded on first use. Until it arrives the text shows as it is, with its line breaks, in the
 * same `data-slot="markdown"` box (same font, width and spacing), so nothing is hidden or moved away.
 */
export function LazyMarkdown(props: MarkdownProps) {
  const { children, streaming, components: _components, images: _images, ...rest } = props;
  return (
    <React.Suspense
      fallback={
        <div
          data-slot="markdown"
          data-loading=""
          data-streaming={streaming ? '' : undefined}
          style={{ whiteSpace: 'pre-wrap' }}
          {...rest}
        >
          {children}
        </div>
      }
    >
      <LoadedMarkdown {...props} />
    </React.Suspense>
  );
}
