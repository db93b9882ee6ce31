import type { ChatMessage } from '@parley/client/chat';
import { Markdown } from '@parley/ui';

export function Reply({ message, text }: { message: ChatMessage; text: string }) {
  return <Markdown.Root streaming={message.status === 'streaming'}>{text}</Markdown.Root>;
}
