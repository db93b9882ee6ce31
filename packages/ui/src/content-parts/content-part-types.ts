import type { MessageRole } from '@parley/client';
import type {
  ChatAudioPart,
  ChatImagePart,
  ChatPart,
  ChatTextPart,
  ChatVideoPart,
} from '@parley/client/chat';
import type * as React from 'react';

/** What every content-part renderer receives. */
export interface ContentPartProps<TPart extends ChatPart = ChatPart> {
  part: TPart;
  /** Who wrote the message: assistant output is untrusted and rendered more carefully. */
  messageRole: MessageRole;
  /** This part is the one still receiving tokens. */
  streaming: boolean;
  /** Position in the message's parts. */
  index: number;
}

/** One renderer per part `type`; pass a partial map to `ContentParts` to override some of them. */
export interface ContentPartComponents {
  text: React.ComponentType<ContentPartProps<ChatTextPart>>;
  image: React.ComponentType<ContentPartProps<ChatImagePart>>;
  audio: React.ComponentType<ContentPartProps<ChatAudioPart>>;
  video: React.ComponentType<ContentPartProps<ChatVideoPart>>;
}
