import type { ChatStore } from '@parley/client/chat';
import { useChatError, useChatPendingRetry } from '@parley/react';
import { ErrorNotice } from '@parley/ui';

export function ChatError({ store, changeKey }: { store: ChatStore; changeKey: () => void }) {
  const error = useChatError(store);
  const pendingRetry = useChatPendingRetry(store);
  return (
    <ErrorNotice.Root
      error={error}
      pendingRetry={pendingRetry}
      onRetry={() => void store.retry()}
      onChangeKey={changeKey}
    />
  );
}
