import type { ChatStore } from '@parley/client/chat';
import { useChatMessage, useChatMessageIds } from '@parley/react';
import { Message, MessageList } from '@parley/ui';
import * as React from 'react';

const Row = React.memo(function Row({ id, store }: { id: string; store: ChatStore }) {
  const message = useChatMessage(id, store);
  return message ? <Message.Root message={message} /> : null;
});

export function Conversation({ store }: { store: ChatStore }) {
  const ids = useChatMessageIds(store);
  const last = useChatMessage(ids.at(-1) ?? '', store);
  const renderMessage = React.useCallback((id: string) => <Row id={id} store={store} />, [store]);
  return (
    <MessageList.Root>
      <MessageList.Viewport ids={ids} renderMessage={renderMessage} />
      <MessageList.JumpToLatest />
      <MessageList.Announcer message={last} />
    </MessageList.Root>
  );
}
