import type { ChatStore } from '@parley/client/chat';
import { useChatMessage } from '@parley/react';
import { Message } from '@parley/ui';

export function Row({ id, store }: { id: string; store: ChatStore }) {
  const message = useChatMessage(id, store);
  if (!message) return null;
  return (
    <Message.Root
      message={message}
      onRegenerate={(messageId) => void store.regenerate(messageId)}
      onRetry={() => void store.retry()}
      onApproveToolCall={store.approveToolCall}
      onDenyToolCall={store.denyToolCall}
    />
  );
}
