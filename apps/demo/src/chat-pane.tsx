import { useChatMessageIds, useThreads } from '@parley/react';
import type { Composer } from '@parley/ui';
import { Chat } from '@parley/ui/connected';
import { useRef } from 'react';
import { onDemand, useOnDemand } from './on-demand.ts';
import { Welcome } from './welcome.tsx';

// The conversation's rows (and the virtualiser under them) load when there is a message to show:
// a new chat's first screen is the welcome and the composer.
const messages = onDemand(() => import('./chat-messages.tsx'));

/** Fetches the conversation's rows as a person reaches for a saved conversation, before the click. */
export const preloadMessages = (): void => void messages.load().catch(() => undefined);

function Messages() {
  const Loaded = useOnDemand(messages);
  return Loaded ? <Loaded /> : <div className="app-conversation-loading" />;
}

/** The welcome while the conversation is new and empty, its messages once it has any. */
function Conversation({ id, onChoose }: { id: string; onChoose(): void }) {
  const empty = useChatMessageIds().length === 0;
  // A stored conversation opens empty for a moment while its messages load: not a new chat.
  const stored = useThreads().threads.some((thread) => thread.id === id);
  if (empty && !stored) return <Welcome onChoose={onChoose} />;
  return <Messages />;
}

/**
 * The chat: the conversation (or the welcome), the notices, the usage line and the composer, as
 * Chat.Root lays them out by default. Pressing into the composer fetches the rows' code.
 */
export function ChatPane({ id, ...props }: { id: string } & Chat.ChatRootProps) {
  const composer = useRef<Composer.ComposerApi>(null);
  return (
    <Chat.Root {...props}>
      {/* A chosen suggestion leaves the welcome: the message box takes the focus for what follows. */}
      <Conversation
        id={id}
        onChoose={() => {
          void messages.load();
          composer.current?.focus();
        }}
      />
      <Chat.ErrorNotice />
      <Chat.StorageNotice />
      <Chat.Usage />
      <Chat.Composer apiRef={composer} onFocus={() => void messages.load()} />
    </Chat.Root>
  );
}
