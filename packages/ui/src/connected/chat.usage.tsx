import '@parley/ui/styles.css';
import { Chat } from '@parley/ui/connected';

// The whole chat in one tag: it fills its container.
export function Assistant() {
  return <Chat.Root options={{ baseURL: '/api/v1', model: 'openai/gpt-4o' }} style={{ height: '100dvh' }} />;
}

// Or its parts, arranged by the app.
export function ArrangedAssistant() {
  return (
    <Chat.Root options={{ baseURL: '/api/v1', model: 'openai/gpt-4o' }}>
      <Chat.Messages actions={{ delete: false }} />
      <Chat.ErrorNotice />
      <Chat.Composer acceptedModalities={['text', 'image']} />
    </Chat.Root>
  );
}
