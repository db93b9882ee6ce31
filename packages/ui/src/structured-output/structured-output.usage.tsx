import type { ChatMessage } from '@parley/client/chat';
import { StructuredOutput } from '@parley/ui';

export function JsonReply({ message, text }: { message: ChatMessage; text: string }) {
  const format = message.responseFormat;
  return (
    <StructuredOutput.Root
      text={text}
      schema={format?.type === 'json_schema' ? format.json_schema.schema : undefined}
      streaming={message.status === 'streaming'}
    />
  );
}
