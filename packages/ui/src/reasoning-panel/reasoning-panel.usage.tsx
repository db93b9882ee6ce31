import type { ChatMessage } from '@parley/client/chat';
import { ReasoningPanel } from '@parley/ui';

export function Thoughts({ message }: { message: ChatMessage }) {
  return (
    <ReasoningPanel.Root
      reasoning={message.reasoning}
      streaming={message.status === 'streaming' && message.parts.length === 0}
      reasoningTokens={message.usage?.completion_tokens_details?.reasoning_tokens ?? undefined}
    />
  );
}
