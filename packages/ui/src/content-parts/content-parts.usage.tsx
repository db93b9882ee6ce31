import type { ChatMessage } from '@parley/client/chat';
import { ContentParts } from '@parley/ui';

export function MessageBody({ message }: { message: ChatMessage }) {
  return (
    <ContentParts.Root
      parts={message.parts}
      messageRole={message.role}
      streaming={message.status === 'streaming'}
    />
  );
}
