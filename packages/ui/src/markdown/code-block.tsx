/** @jsxImportSource ../jsx */
'use client';
import * as React from 'react';
import { CopyButton } from './copy-button.tsx';
import { FrozenGroups } from './frozen-groups.tsx';
import { type HighlightedToken, highlightCode } from './highlight.ts';
import { useHighlightedLines } from './highlighted-lines.tsx';

export interface CodeBlockProps extends React.ComponentProps<'div'> {
  code: string;
  /** The fence's info string, such as `ts`; unknown names render uncoloured. */
  language?: string | undefined;
  /**
   * The block is still streaming: it stays plain text, so a tokenizer does not run per token;
   * colour arrives once the block settles.
   */
  live?: boolean | undefined;
  /**
   * The code in pieces that only ever grow at the end (a long block while it streams): each piece
   * renders once, so a token appends text instead of rewriting the whole block.
   */
  chunks?: string[] | undefined;
}

// A frozen piece of streaming code: memo keeps React from touching it again, and as a block of its
// own the browser lays out only the growing last piece per token, not the whole block's text.
const CODE_CHUNK_STYLE = { display: 'block' } as const;
const NO_DEPS: readonly unknown[] = [];
const CodeText = React.memo(function CodeText({ text }: { text: string }) {
  return <span style={CODE_CHUNK_STYLE}>{text}</span>;
});

function useHighlightedTokens(code: string, language: string | undefined, enabled: boolean) {
  const [result, setResult] = React.useState<{ code: string; tokens: HighlightedToken[][] }>();
  React.useEffect(() => {
    if (!enabled || !language) return;
    let current = true;
    highlightCode(code, language).then(
      (tokens) => current && setResult({ code, tokens }),
      // Highlighting is decoration: if shiki cannot load, the plain code stays.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [code, language, enabled]);
  return result?.code === code ? result.tokens : undefined;
}

/**
 * A fenced code block: the language, a Copy button, and the code, highlighted by shiki once it is
 * loaded (lazily, on first use) and plain until then; a long block turns coloured a few groups of lines per
 * task. `data-state` is `plain` until every line is coloured, then `highlighted`.
 */
export function CodeBlock({ code, language, live = false, chunks, ...props }: CodeBlockProps) {
  const tokens = useHighlightedTokens(code, language, !live);
  const highlighted = useHighlightedLines(tokens);
  return (
    <div
      data-slot="code-block"
      data-language={language}
      data-state={highlighted.done ? 'highlighted' : 'plain'}
      {...props}
    >
      <div data-slot="code-block-header">
        <span data-slot="code-block-language">{language || 'text'}</span>
        <CopyButton value={code} label="Copy code" />
      </div>
      <pre data-slot="code-block-pre">
        <code>
          {tokens
            ? highlighted.lines
            : chunks
              ? [
                  // All pieces but the last are frozen; the last grows.
                  <FrozenGroups
                    key="frozen"
                    items={chunks.slice(0, -1)}
                    render={(chunk) => <CodeText text={chunk} />}
                    deps={NO_DEPS}
                    block
                  />,
                  <CodeText key="live" text={chunks.at(-1) ?? ''} />,
                ]
              : code}
        </code>
      </pre>
    </div>
  );
}
