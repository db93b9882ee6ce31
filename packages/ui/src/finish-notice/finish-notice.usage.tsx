import type { ChatMessage, ChatStore } from '@parley/client/chat';
import { FinishNotice } from '@parley/ui';

export function WhyItEnded({ store, message }: { store: ChatStore; message: ChatMessage }) {
  return (
    <FinishNotice.Root
      reason={message.finishReason}
      onContinue={() => void store.send('Please continue.')}
      onRetry={() => void store.retry()}
    />
  );
}
