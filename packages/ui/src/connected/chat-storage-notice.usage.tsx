import { useThreadStore } from '@parley/react';
import { Chat } from '@parley/ui/connected';

// Inside a ThreadsProvider: the chat saves into the thread store and says when it could not.
export function SavedChat({ id }: { id: string }) {
  const threads = useThreadStore();
  return (
    <Chat.Root
      options={{
        baseURL: '/api/v1',
        model: 'openai/gpt-4o',
        persistence: threads.persistence,
        conversationId: id,
      }}
    >
      <Chat.Messages />
      <Chat.StorageNotice />
      <Chat.Composer />
    </Chat.Root>
  );
}
