import { Chat } from '@parley/ui/connected';

// Each row subscribes to its own message: a streamed token re-renders the streaming row only.
export function Transcript() {
  return (
    <Chat.Root options={{ baseURL: '/api/v1', model: 'openai/gpt-4o' }}>
      <Chat.Messages actions={{ delete: false }} />
      <Chat.Composer />
    </Chat.Root>
  );
}
