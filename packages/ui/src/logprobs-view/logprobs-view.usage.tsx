import type { ChatMessage } from '@parley/client/chat';
import { LogprobsView } from '@parley/ui';

// Ask for them with `params: { logprobs: true, top_logprobs: 5 }`.
export function TokenConfidence({ message }: { message: ChatMessage }) {
  return (
    <LogprobsView.Root
      logprobs={message.logprobs?.content ?? undefined}
      streaming={message.status === 'streaming'}
    />
  );
}
