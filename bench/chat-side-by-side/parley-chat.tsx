// Parley's connected UI: Chat.Messages (virtualised list, memoised rows, full message UI).
import { createParleyClient } from '@parley/client';
import type { ChatTextPart } from '@parley/client/chat';
import { createChatStore } from '@parley/client/chat';
import { ContentParts } from '@parley/ui';
import { Chat, preloadConversation } from '@parley/ui/connected';
import { createRoot } from 'react-dom/client';
import { countRender, type Implementation } from './feed.ts';
import { parleyFetch, parleyMessages } from './parley-store.ts';

type TextProps = React.ComponentProps<typeof ContentParts.Text>;
function CountedText(props: TextProps) {
  countRender((props.part as ChatTextPart).text);
  return <ContentParts.Text {...props} />;
}
const components = { text: CountedText };

// This page opens a saved conversation as it loads: as an app whose page is a conversation's would, it
// asks for the markdown renderer at once, beside its own code (the others import theirs statically).
void preloadConversation();

export const implementation: Implementation = {
  mount(container, prior) {
    const store = createChatStore({
      client: createParleyClient({ baseURL: 'http://bench.local/api/v1', fetch: parleyFetch() }),
      model: 'bench/model',
      initialMessages: parleyMessages(prior),
    });
    const root = createRoot(container);
    root.render(<Chat.Messages store={store} components={components} style={{ height: '100%' }} />);
    return {
      unmount: () => root.unmount(),
      send: () => void store.send('Give me the long answer.'),
      // A saved conversation is first drawn as a preview, without the rows' actions
      // (packages/ui/src/connected/conversation-preview.tsx); the full rows take over once idle.
      ready: () => container.querySelector('[role="group"][aria-label="Message actions"]') !== null,
    };
  },
};
