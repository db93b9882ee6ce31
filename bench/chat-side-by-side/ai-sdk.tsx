// @ai-sdk/react's useChat with its documented rendering (`messages.map`), fed the same tokens as
// UI message stream events; text through the same Markdown as the others.
import { useChat } from '@ai-sdk/react';
import { Markdown } from '@parley/ui';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { createRoot } from 'react-dom/client';
import { countRender, type Implementation, priorText, sseFetch } from './feed.ts';

const transport = new DefaultChatTransport<UIMessage>({
  api: 'http://bench.local/api/chat',
  fetch: sseFetch(
    [{ type: 'start' }, { type: 'text-start', id: 't' }],
    (text) => ({ type: 'text-delta', id: 't', delta: text }),
    [JSON.stringify({ type: 'text-end', id: 't' }), JSON.stringify({ type: 'finish' })],
    { 'x-vercel-ai-ui-message-stream': 'v1' },
  ),
});

let sendMessage: ((text: string) => void) | undefined;

function Messages({ initial }: { initial: UIMessage[] }) {
  const chat = useChat({ transport, messages: initial });
  sendMessage = (text) => void chat.sendMessage({ text });
  const last = chat.messages.at(-1);
  return chat.messages.map((message) => {
    const text = message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
    countRender(text);
    return (
      <article key={message.id}>
        <Markdown.Root streaming={chat.status === 'streaming' && message === last}>{text}</Markdown.Root>
      </article>
    );
  });
}

export const implementation: Implementation = {
  mount(container, prior) {
    const initial = Array.from(
      { length: prior },
      (_, index): UIMessage => ({
        id: `p${index}`,
        role: index % 2 === 0 ? 'user' : 'assistant',
        parts: [{ type: 'text', text: priorText(index) }],
      }),
    );
    const root = createRoot(container);
    root.render(<Messages initial={initial} />);
    return { send: () => sendMessage?.('Give me the long answer.'), unmount: () => root.unmount() };
  },
};
