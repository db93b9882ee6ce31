// Parley's per-message hooks, as the README's quick start teaches: the list follows the ids, each
// memoised row its own message; text through the same Markdown as the others.
import { createParleyClient } from '@parley/client';
import { type ChatStore, createChatStore } from '@parley/client/chat';
import { useChatMessage, useChatMessageIds } from '@parley/react';
import { Markdown } from '@parley/ui';
import { memo } from 'react';
import { createRoot } from 'react-dom/client';
import { countRender, type Implementation } from './feed.ts';
import { parleyFetch, parleyMessages } from './parley-store.ts';

const Row = memo(function Row({ id, store }: { id: string; store: ChatStore }) {
  const message = useChatMessage(id, store);
  if (!message) return null;
  const text = message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
  countRender(text);
  return (
    <article>
      <Markdown.Root streaming={message.status === 'streaming'}>{text}</Markdown.Root>
    </article>
  );
});

function Messages({ store }: { store: ChatStore }) {
  return useChatMessageIds(store).map((id) => <Row key={id} id={id} store={store} />);
}

export const implementation: Implementation = {
  mount(container, prior) {
    const store = createChatStore({
      client: createParleyClient({ baseURL: 'http://bench.local/api/v1', fetch: parleyFetch() }),
      model: 'bench/model',
      initialMessages: parleyMessages(prior),
    });
    const root = createRoot(container);
    root.render(<Messages store={store} />);
    return { send: () => void store.send('Give me the long answer.'), unmount: () => root.unmount() };
  },
};
