/** @jsxImportSource ../jsx */
'use client';
import { LazyRender, lazyComponent } from '../lazy-component.tsx';
import type { MarkdownProps } from './markdown.tsx';

// The renderer (markdown-it, its entity table and linkify: about 50 kB gzip) is not needed for a chat's
// first paint, which has no reply yet: it is its own chunk, loaded by the first reply or `preloadMarkdown`.
export const markdownRenderer = lazyComponent(() =>
  import('./markdown.tsx').then((module) => module.Markdown),
);

/** Starts loading the markdown renderer (once); a chat calls it when a message is on its way. */
export const preloadMarkdown = markdownRenderer.preload;

/**
 * `Markdown`, loaded on first use. Until it arrives the text shows as it is, with its line breaks, in the
 * same `data-slot="markdown"` box (same font, width and spacing), so nothing is hidden or moved away.
 */
export function LazyMarkdown(props: MarkdownProps) {
  const { children, streaming, components: _components, images: _images, ...rest } = props;
  return (
    <LazyRender
      from={markdownRenderer}
      props={props}
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
    />
  );
}
