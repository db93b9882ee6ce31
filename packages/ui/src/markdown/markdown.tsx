/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';
import { CodeBlock } from './code-block.tsx';
import { completeMarkdown } from './complete-markdown.ts';
import { FrozenGroups } from './frozen-groups.tsx';
import { MarkdownBlockContext, type MarkdownBlockSettings, markdownElements } from './markdown-elements.tsx';
import { type MarkdownReferences, parseInlineMarkdown, parseMarkdown } from './parse-markdown.ts';
import { type MarkdownComponents, renderTokens } from './render-tokens.tsx';
import { advanceSplit, type LiveTail, type MarkdownSplit } from './stream-split.ts';
import { StreamingTable } from './streaming-table.tsx';

export type { MarkdownComponents, MarkdownTag } from './render-tokens.tsx';

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

const NO_REFERENCES: MarkdownReferences = {};

function fenceRenderer(components: MarkdownComponents, live: boolean) {
  return (code: string, language: string) => {
    const Pre = components.pre;
    if (!Pre) return <CodeBlock code={code} language={language || undefined} live={live} />;
    return (
      <Pre>
        <code className={language ? `language-${language}` : undefined}>{code}</code>
      </Pre>
    );
  };
}

interface BlockProps {
  source: string;
  references: MarkdownReferences;
  components: MarkdownComponents;
  /** The unfinished end of a streaming reply: its open syntax is completed, its code stays plain. */
  live?: boolean;
}

// Settled blocks keep their source string, so memo skips them: a token re-renders the live block only.
const MarkdownBlock = React.memo(function MarkdownBlock({
  source,
  references,
  components,
  live = false,
}: BlockProps) {
  const tokens = parseMarkdown(live ? completeMarkdown(source) : source, references);
  return renderTokens(tokens, components, fenceRenderer(components, live));
});

// A frozen run of a long streaming paragraph, parsed as inline text: the runs of one paragraph
// render inside a single <p>, so cutting it changes nothing on screen but emphasis or a link that
// spans a cut (shown as written until the paragraph settles).
const InlineRun = React.memo(function InlineRun({
  source,
  components,
  live = false,
}: {
  source: string;
  components: MarkdownComponents;
  live?: boolean;
}) {
  return renderTokens(
    parseInlineMarkdown(live ? completeMarkdown(source) : source),
    components,
    fenceRenderer(components, live),
  );
});

// 16 runs of PARAGRAPH_CHUNK (512) characters: 8 KB of one paragraph.
const BLOCK_RUNS_AFTER = 16;
const BLOCK_RUN_STYLE = { display: 'block' } as const;
function BlockRun(props: React.ComponentProps<typeof InlineRun>) {
  return (
    <span style={BLOCK_RUN_STYLE}>
      <InlineRun {...props} />
    </span>
  );
}

function LongTail({
  tail,
  code,
  components,
}: {
  tail: Exclude<LiveTail, { kind: 'block' | 'table' }>;
  code: string;
  components: MarkdownComponents;
}) {
  if (tail.kind === 'code') {
    const info = tail.head
      .trim()
      .replace(/^[`~]+/, '')
      .trim();
    return (
      <CodeBlock
        code={code}
        language={info.split(/\s/, 1)[0] || undefined}
        live
        chunks={[...tail.chunks, tail.rest]}
      />
    );
  }
  if (tail.kind === 'paragraph') {
    const Paragraph = components.p ?? 'p';
    // Past a few kilobytes (never in an ordinary reply), each run becomes a block of its own: the
    // browser then lays out only the growing run per token, not the whole paragraph's lines.
    const Run = tail.chunks.length > BLOCK_RUNS_AFTER ? BlockRun : InlineRun;
    return (
      <Paragraph>
        <FrozenGroups
          items={tail.chunks}
          render={(chunk) => <Run source={chunk} components={components} />}
          deps={[Run, components]}
          block={Run === BlockRun}
        />
        <Run source={tail.rest} components={components} live />
      </Paragraph>
    );
  }
  return (
    <>
      <FrozenGroups
        items={tail.chunks}
        render={(chunk) => (
          <MarkdownBlock source={chunk} references={NO_REFERENCES} components={components} />
        )}
        deps={[components]}
      />
      <MarkdownBlock source={tail.rest} references={NO_REFERENCES} components={components} live />
    </>
  );
}

const SETTINGS: Record<'ask' | 'allow', MarkdownBlockSettings> = {
  ask: { images: 'ask' },
  allow: { images: 'allow' },
};

/**
 * Renders markdown from a model safely and cheaply while it streams: GFM, no raw HTML, links and
 * images through `safeUrl`, links opening in a new tab without an opener, images loaded only when
 * allowed, code blocks with lazy highlighting and a Copy button.
 *
 * While `streaming`, the text is split into blocks as it grows: settled blocks are parsed once and
 * never again, only the last block is parsed per token (its unfinished syntax completed first), and
 * a block that grows long is parsed in frozen chunks, so a token costs the same at the start and
 * the end of a huge table, code block or line.
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
  const previous = React.useRef<MarkdownSplit | undefined>(undefined);
  const split = advanceSplit(previous.current, children, streaming);
  previous.current = split;
  const { settled, references, tail } = split;
  // Blocks only ever grow at the end, so a position is a stable identity. The tail joins the same
  // list under the position it will have once settled, so settling re-renders it in place (a long
  // table is not rebuilt at all) instead of mounting it again.
  const blocks: React.ReactNode[] = settled.map((block, index) =>
    block.definition ? null : block.table ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: see above
      <StreamingTable key={index} {...block.table} components={merged} />
    ) : (
      <MarkdownBlock
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        key={index}
        source={block.text}
        references={block.mayReference ? references : NO_REFERENCES}
        components={merged}
      />
    ),
  );
  const tailKey = settled.length;
  if (tail?.kind === 'block') {
    blocks.push(
      <MarkdownBlock key={tailKey} source={tail.text} references={references} components={merged} live />,
    );
  } else if (tail?.kind === 'table') {
    const { head, chunks, rest } = tail;
    blocks.push(<StreamingTable key={tailKey} head={head} chunks={chunks} rest={rest} components={merged} />);
  } else if (tail) {
    const code = split.source.slice(split.tailStart + tail.head.length);
    blocks.push(<LongTail key={tailKey} tail={tail} code={code} components={merged} />);
  }
  return (
    <div data-slot="markdown" data-streaming={streaming ? '' : undefined} {...props}>
      <MarkdownBlockContext.Provider value={SETTINGS[images]}>{blocks}</MarkdownBlockContext.Provider>
    </div>
  );
}
