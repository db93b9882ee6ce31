'use client';
import * as React from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { completeMarkdown } from './complete-markdown.ts';
import {
  MarkdownBlockContext,
  type MarkdownBlockSettings,
  markdownElements,
  transformMarkdownUrl,
} from './markdown-elements.tsx';
import { splitMarkdown } from './split-blocks.ts';

/** Element renderers by tag name, as react-markdown takes them. */
export type MarkdownComponents = Components;

export interface MarkdownProps extends Omit<React.ComponentProps<'div'>, 'children'> {
  /** The markdown source. */
  children: string;
  /** The text is still arriving: unfinished syntax at its end is completed before rendering. */
  streaming?: boolean | undefined;
  /** Overrides for element renderers (`a`, `img`, `pre`, `p`, ...). Keep the object stable across renders. */
  components?: MarkdownComponents | undefined;
  /** `ask` (default) loads images only when the person allows; `allow` loads them at once. */
  images?: 'ask' | 'allow' | undefined;
}

const REMARK_PLUGINS = [remarkGfm];

interface MarkdownBlockProps {
  source: string;
  components: Components;
  settings: MarkdownBlockSettings;
}

// Settled blocks keep their source string, so memo skips them entirely: a streamed token re-renders
// the last block only, whatever the length of the reply.
const MarkdownBlock = React.memo(function MarkdownBlock({
  source,
  components,
  settings,
}: MarkdownBlockProps) {
  return (
    <MarkdownBlockContext.Provider value={settings}>
      <ReactMarkdown
        remarkPlugins={REMARK_PLUGINS}
        components={components}
        // Model output is untrusted: raw HTML is dropped, never parsed (no rehype-raw).
        skipHtml
        urlTransform={transformMarkdownUrl}
      >
        {source}
      </ReactMarkdown>
    </MarkdownBlockContext.Provider>
  );
});

const SETTLED: Record<'ask' | 'allow', MarkdownBlockSettings> = {
  ask: { live: false, images: 'ask' },
  allow: { live: false, images: 'allow' },
};
const LIVE: Record<'ask' | 'allow', MarkdownBlockSettings> = {
  ask: { live: true, images: 'ask' },
  allow: { live: true, images: 'allow' },
};

function withDefinitions(source: string, definitions: string): string {
  return definitions === '' ? source : `${source}\n\n${definitions}\n`;
}

/**
 * Renders markdown from a model safely and cheaply while it streams: GFM, no raw HTML, links and
 * images through `safeUrl`, links opening in a new tab without an opener, images loaded only when
 * allowed, code blocks with lazy highlighting and a Copy button. The text is split into blocks and
 * only the last one re-renders per token; its unfinished syntax is completed first.
 *
 * @example
 * <Markdown streaming={message.status === 'streaming'}>{text}</Markdown>
 */
export function Markdown({
  children,
  streaming = false,
  components,
  images = 'ask',
  ...props
}: MarkdownProps) {
  const merged = React.useMemo(() => ({ ...markdownElements, ...components }), [components]);
  const blocks = React.useMemo(() => splitMarkdown(children), [children]);
  const last = blocks.length - 1;
  // Reference links (`[docs][1]` with `[1]: url` elsewhere) resolve only within a parse, so the
  // settled definitions are appended to every block. A definition still streaming is left out:
  // it would re-render every block per token.
  const definitions = blocks
    .filter((block, index) => block.definition && !(streaming && index === last))
    .map((block) => block.text.trim())
    .join('\n');
  return (
    <div data-slot="markdown" data-streaming={streaming ? '' : undefined} {...props}>
      {blocks.map((block, index) => {
        const live = streaming && index === last;
        return (
          <MarkdownBlock
            // Blocks only ever grow at the end, so a position is a stable identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            source={withDefinitions(
              live ? completeMarkdown(block.text) : block.text,
              block.definition ? '' : definitions,
            )}
            components={merged}
            settings={live ? LIVE[images] : SETTLED[images]}
          />
        );
      })}
    </div>
  );
}
