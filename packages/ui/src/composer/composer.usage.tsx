import type { ChatStore } from '@parley/client/chat';
import { useChatStatus } from '@parley/react';
import { Composer } from '@parley/ui';

export function MessageBox({ store }: { store: ChatStore }) {
  const status = useChatStatus(store);
  return (
    <Composer.Root
      busy={status === 'submitted' || status === 'streaming'}
      onSubmit={({ text }) => void store.send(text)}
      onStop={store.stop}
      acceptedModalities={['text', 'image']}
    />
  );
}
