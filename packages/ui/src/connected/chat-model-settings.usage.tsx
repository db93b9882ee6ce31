import { ParleyProvider } from '@parley/react';
import { Chat } from '@parley/ui/connected';

// The settings edit the chat's preferences; the next request sends them (model chain, provider, parameters).
export function ChatWithSettings() {
  return (
    <ParleyProvider baseURL="/api/v1">
      <Chat.Root options={{ model: 'openai/gpt-4o' }}>
        <Chat.ModelPicker mode="chain" />
        <Chat.Messages />
        <Chat.Composer />
        <aside>
          <Chat.ProviderPrefs />
          <Chat.ParametersPanel />
        </aside>
      </Chat.Root>
    </ParleyProvider>
  );
}
