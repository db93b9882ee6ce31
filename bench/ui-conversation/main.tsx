// The page driven by ui-conversation.bench.ts: a MessageList of MessageView rows, memoised per
// message as the connected ChatMessages does, with the default theme loaded.
import '@parley/ui/styles.css';
import type { ChatMessage } from '@parley/client/chat';
import { MessageList, MessageView } from '@parley/ui';
import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';

const REPLIES = [
  'Sure: here is a short answer.',
  'It depends on the **configuration**; the default is fine for most apps.',
  'Three steps:\n\n1. Install\n2. Configure\n3. Run',
  'Use `pnpm test` to run everything.\n\n```ts\nconst answer = 42;\n```',
  'A longer reply, to vary the row heights.\n\nIt has a second paragraph, and a list:\n\n- one\n- two\n- three',
];
const STREAMED =
  `Here is a detailed answer.\n\n${'Streaming text with **bold**, `code` and [a link](https://example.com). '.repeat(6)}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n`.repeat(
    8,
  );

function conversation(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, index): ChatMessage => {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const text = role === 'user' ? `Question ${index / 2 + 1}?` : (REPLIES[index % REPLIES.length] ?? '');
    return { id: `m${index}`, role, parts: [{ type: 'text', text }], createdAt: index, status: 'complete' };
  });
}

type Store = { messages: Map<string, ChatMessage>; listeners: Map<string, Set<() => void>> };
const store: Store = { messages: new Map(), listeners: new Map() };
function setMessage(message: ChatMessage) {
  store.messages.set(message.id, message);
  for (const listener of store.listeners.get(message.id) ?? []) listener();
}
function useMessage(id: string): ChatMessage | undefined {
  return React.useSyncExternalStore(
    (listener) => {
      const set = store.listeners.get(id) ?? new Set();
      set.add(listener);
      store.listeners.set(id, set);
      return () => set.delete(listener);
    },
    () => store.messages.get(id),
  );
}

const Row = React.memo(function Row({ id }: { id: string }) {
  const message = useMessage(id);
  return message ? <MessageView message={message} onRegenerate={() => {}} /> : null;
});
const renderMessage = (id: string) => <Row id={id} />;

function App({ ids }: { ids: string[] }) {
  return (
    <MessageList.Root style={{ height: '100%' }}>
      <MessageList.Viewport ids={ids} renderMessage={renderMessage} />
      <MessageList.JumpToLatest />
    </MessageList.Root>
  );
}

let root: Root | undefined;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Mounts a conversation of `count` messages; resolves with ms until its last row is painted. */
async function open(count: number): Promise<number> {
  root?.unmount();
  store.messages.clear();
  store.listeners.clear();
  const messages = conversation(count);
  for (const message of messages) store.messages.set(message.id, message);
  const ids = messages.map((message) => message.id);
  const container = document.getElementById('root')!;
  const started = performance.now();
  root = createRoot(container);
  root.render(<App ids={ids} />);
  const lastPart = messages.at(-1)?.parts[0];
  const lastText = lastPart?.type === 'text' ? lastPart.text.slice(0, 20) : '';
  while (!container.textContent?.includes(lastText)) await nextFrame();
  await nextFrame();
  return performance.now() - started;
}

/** Streams a reply into the open conversation, one token per `tokenMs`; returns frame gaps in ms. */
async function stream(tokenMs: number): Promise<{ frames: number[]; tokens: number }> {
  const id = 'streaming';
  const ids = [...store.messages.keys(), id];
  store.messages.set(id, { id, role: 'assistant', parts: [], createdAt: 0, status: 'streaming' });
  root?.render(<App ids={ids} />);
  await nextFrame();
  const frames: number[] = [];
  let streaming = true;
  let last = await nextFrame();
  const loop = (now: number) => {
    frames.push(now - last);
    last = now;
    if (streaming) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  let length = 0;
  let tokens = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      length = Math.min(STREAMED.length, length + 4);
      tokens++;
      setMessage({
        id,
        role: 'assistant',
        parts: [{ type: 'text', text: STREAMED.slice(0, length) }],
        createdAt: 0,
        status: 'streaming',
      });
      if (length >= STREAMED.length) {
        clearInterval(timer);
        resolve();
      }
    }, tokenMs);
  });
  streaming = false;
  return { frames: frames.slice(1), tokens };
}

Object.assign(window, { __bench: { open, stream } });
