/** @jsxImportSource ../jsx */
'use client';
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import { GatedImage } from '../content-parts/gated-image.tsx';
import type { MarkdownComponents } from './render-tokens.tsx';

/** Per-reply settings the element renderers read: set by `Markdown`, not by users. */
export interface MarkdownBlockSettings {
  images: 'ask' | 'allow';
}
export const MarkdownBlockContext = React.createContext<MarkdownBlockSettings>({ images: 'ask' });

// renderTokens has passed href and src through safeUrl: an unsafe URL arrives as none, shown as text.
function MarkdownLink({ href, children, title }: React.ComponentProps<'a'>) {
  if (!href)
    return (
      <span data-slot="markdown-link" data-disabled="">
        {children}
      </span>
    );
  return (
    <a data-slot="markdown-link" href={href} title={title} target="_blank" rel="noopener noreferrer nofollow">
      {children}
      <VisuallyHidden.Root> (opens in a new tab)</VisuallyHidden.Root>
    </a>
  );
}

function MarkdownImage({ src, alt }: React.ComponentProps<'img'>) {
  const { images } = React.useContext(MarkdownBlockContext);
  if (typeof src !== 'string' || src === '')
    return alt ? <span data-slot="markdown-image-alt">{alt}</span> : null;
  return <GatedImage src={src} alt={alt} policy={images} />;
}

function MarkdownTable(props: React.ComponentProps<'table'>) {
  return (
    <div data-slot="markdown-table-scroll">
      <table data-slot="markdown-table" {...props} />
    </div>
  );
}

// GFM task list items render a disabled checkbox with no label; say what it means.
function MarkdownInput(props: React.ComponentProps<'input'>) {
  if (props.type !== 'checkbox') return null;
  return <input {...props} disabled aria-label={props.checked ? 'Done' : 'Not done'} />;
}

/** The element renderers `Markdown` uses by default; user `components` override them per tag. */
export const markdownElements: MarkdownComponents = {
  a: MarkdownLink,
  img: MarkdownImage,
  input: MarkdownInput,
  table: MarkdownTable,
};
