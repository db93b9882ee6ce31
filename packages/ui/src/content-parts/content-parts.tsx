/** @jsxImportSource ../jsx */
'use client';
import type { MessageRole } from '@parley/client';
import type { ChatPart } from '@parley/client/chat';
import * as React from 'react';
import { PartBoundary } from '../render-boundary/render-boundary.tsx';
import { AudioPart } from './audio-part.tsx';
import type { ContentPartComponents, ContentPartProps } from './content-part-types.ts';
import { ImagePart } from './image-part.tsx';
import { TextPart } from './text-part.tsx';
import { VideoPart } from './video-part.tsx';

/** The renderers `ContentParts` uses unless told otherwise. */
export const defaultContentPartComponents: ContentPartComponents = {
  text: TextPart,
  image: ImagePart,
  audio: AudioPart,
  video: VideoPart,
};

export interface ContentPartsProps extends React.ComponentProps<'div'> {
  parts: ChatPart[];
  messageRole: MessageRole;
  /** The message is streaming: its last part is the one receiving tokens. */
  streaming?: boolean | undefined;
  /** Renderers by part type, merged over the defaults. Keep the object stable across renders. */
  components?: Partial<ContentPartComponents> | undefined;
}

function renderPart(
  part: ChatPart,
  props: Omit<ContentPartProps, 'part'>,
  components: ContentPartComponents,
) {
  // A switch, not a lookup, so each renderer gets its own part type without casts.
  switch (part.type) {
    case 'text':
      return <components.text part={part} {...props} />;
    case 'image':
      return <components.image part={part} {...props} />;
    case 'audio':
      return <components.audio part={part} {...props} />;
    case 'video':
      return <components.video part={part} {...props} />;
  }
}

/**
 * Renders a message's parts in order, one renderer per part type, from a map the user can override.
 *
 * @example
 * <ContentParts parts={message.parts} role={message.role} components={{ image: MyImage }} />
 */
export function ContentParts({
  parts,
  messageRole,
  streaming = false,
  components,
  ...props
}: ContentPartsProps) {
  const merged = React.useMemo(() => ({ ...defaultContentPartComponents, ...components }), [components]);
  return (
    <div data-slot="content-parts" {...props}>
      {parts.map((part, index) => (
        <PartBoundary
          // Parts are appended, never reordered, while a message streams.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          part={part}
        >
          {renderPart(
            part,
            { messageRole, index, streaming: streaming && index === parts.length - 1 },
            merged,
          )}
        </PartBoundary>
      ))}
    </div>
  );
}
