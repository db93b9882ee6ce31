import type { ChatMessage } from '@parley/client/chat';
import { Sources } from '@parley/ui';

// Web search (the `:online` model suffix or the `web` plugin) returns `url_citation` annotations.
export function Cited({ message }: { message: ChatMessage }) {
  return <Sources.Root annotations={message.annotations} />;
}
