/** @jsxImportSource ../jsx */
'use client';
import type { ChatTextPart } from '@parley/client/chat';
import { LazyMarkdown as Markdown } from '../markdown/lazy-markdown.tsx';
import type { ContentPartProps } from './content-part-types.ts';

/**
 * Text: assistant (and tool) output as streaming-safe markdown; what a person typed as plain text
 * with its line breaks, since they did not write markdown for us to interpret.
 */
export function TextPart({ part, messageRole, streaming }: ContentPartProps<ChatTextPart>) {
  if (messageRole === 'user' || messageRole === 'system' || messageRole === 'developer') {
    return (
      <div data-slot="text-part" data-format="plain">
        {part.text}
      </div>
    );
  }
  return (
    <div data-slot="text-part" data-format="markdown" data-streaming={streaming ? '' : undefined}>
      <Markdown streaming={streaming}>{part.text}</Markdown>
    </div>
  );
}
