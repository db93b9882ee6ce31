'use client';
import { VisuallyHidden } from 'radix-ui';
import * as React from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { GatedImage } from '../content-parts/gated-image.tsx';
import { safeUrl } from '../safe-url.ts';
import { CodeBlock } from './code-block.tsx';

// hast's types, reached through react-markdown (hast is not a dependency of ours).
type Element = NonNullable<ExtraProps['node']>;
type ElementContent = Element['children'][number];

/** Per-block settings the element renderers read: set by `Markdown`, not by users. */
export interface MarkdownBlockSettings {
  /** The block is the unfinished tail of a streaming reply. */
  live: boolean;
  images: 'ask' | 'allow';
}
export const MarkdownBlockContext = React.createContext<MarkdownBlockSettings>({
  live: false,
  images: 'ask',
});

/** react-markdown's URL hook: every href and src goes through `safeUrl`; other URL attributes are dropped. */
export function transformMarkdownUrl(url: string, key: string): string | undefined {
  if (key === 'href') return safeUrl(url, 'link');
  if (key === 'src') return safeUrl(url, 'image');
  return undefined;
}

function MarkdownLink({ node: _node, href, children, ...props }: React.ComponentProps<'a'> & ExtraProps) {
  // An unsafe URL was already removed by transformMarkdownUrl; what is left is shown as text.
  if (!href)
    return (
      <span data-slot="markdown-link" data-disabled="">
        {children}
      </span>
    );
  return (
    <a {...props} data-slot="markdown-link" href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
      <VisuallyHidden.Root> (opens in a new tab)</VisuallyHidden.Root>
    </a>
  );
}

function MarkdownImage({ node: _node, src, alt }: React.ComponentProps<'img'> & ExtraProps) {
  const { images } = React.useContext(MarkdownBlockContext);
  if (typeof src !== 'string' || src === '') {
    return alt ? <span data-slot="markdown-image-alt">{alt}</span> : null;
  }
  return <GatedImage src={src} alt={alt} policy={images} />;
}

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((child) => ('value' in child ? child.value : 'children' in child ? textOf(child.children) : ''))
    .join('');
}

function MarkdownPre({ node }: React.ComponentProps<'pre'> & ExtraProps) {
  const { live } = React.useContext(MarkdownBlockContext);
  const code = node?.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  const classes = code?.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.find((name): name is string => typeof name === 'string' && name.startsWith('language-'))
    : undefined;
  const text = code ? textOf(code.children).replace(/\n$/, '') : '';
  return <CodeBlock code={text} language={languageClass?.slice('language-'.length)} live={live} />;
}

function MarkdownTable({ node: _node, ...props }: React.ComponentProps<'table'> & ExtraProps) {
  return (
    <div data-slot="markdown-table-scroll">
      <table data-slot="markdown-table" {...props} />
    </div>
  );
}

// GFM task list items render a disabled checkbox with no label; say what it means.
function MarkdownInput({ node: _node, ...props }: React.ComponentProps<'input'> & ExtraProps) {
  if (props.type !== 'checkbox') return <input {...props} />;
  return <input {...props} disabled aria-label={props.checked ? 'Done' : 'Not done'} />;
}

/** The element renderers `Markdown` uses by default; user `components` override them per tag. */
export const markdownElements: Components = {
  a: MarkdownLink,
  img: MarkdownImage,
  input: MarkdownInput,
  pre: MarkdownPre,
  table: MarkdownTable,
};
