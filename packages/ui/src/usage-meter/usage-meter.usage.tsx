import type { Model } from '@parley/client';
import type { ChatMessage } from '@parley/client/chat';
import { UsageMeter } from '@parley/ui';

export function ReplyCost({ message, model }: { message: ChatMessage; model: Model }) {
  return <UsageMeter.Root usage={message.usage} pricing={model.pricing} label="This reply" />;
}
