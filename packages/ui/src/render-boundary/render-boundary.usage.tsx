import type { ChatMessage } from '@parley/client/chat';
import { Message, RenderBoundary } from '@parley/ui';

export function SafeRow({ message, remove }: { message: ChatMessage; remove: (id: string) => void }) {
  return (
    <RenderBoundary.Message message={message} onDelete={remove}>
      <Message.Root message={message} />
    </RenderBoundary.Message>
  );
}
