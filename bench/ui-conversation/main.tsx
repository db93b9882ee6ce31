// The page driven by ui-conversation.bench.ts: the connected Chat.Messages over a real chat store
// (@parley/client/chat), as an app renders it, with the default theme loaded. Replies stream from
// a local fetch that writes OpenAI-style SSE at a fixed token rate, so the numbers are the UI's and
// the store's, not a network's or a simulator's.
import '@parley/ui/styles.css';
import { createParleyClient } from '@parley/client';
import { type ChatMessage, type ChatStore, createChatStore } from '@parley/client/chat';
import { Chat } from '@parley/ui/connected';
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
// Characters per streamed token: about one English token.
const TOKEN_CHARS = 4;

function conversation(count: number): ChatMessage[] {
  return Array.from({ length: count }, (_, index): ChatMessage => {
    const role = index % 2 === 0 ? 'user' : 'assistant';
    const text = role === 'user' ? `Question ${index / 2 + 1}?` : (REPLIES[index % REPLIES.length] ?? '');
    return { id: `m${index}`, role, parts: [{ type: 'text', text }], createdAt: index, status: 'complete' };
  });
}

/** A fetch answering every chat request with `STREAMED`, one token per `tokenMs`, as SSE chunks. */
function streamingFetch(tokenMs: number): typeof fetch {
  return async () => {
    const encoder = new TextEncoder();
    const chunk = (delta: object, finish: string | null) =>
      encoder.encode(
        `data: ${JSON.stringify({
          id: 'bench',
          object: 'chat.completion.chunk',
          created: 0,
          model: 'bench/model',
          choices: [{ index: 0, delta, finish_reason: finish }],
        })}\n\n`,
      );
    let sent = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk({ role: 'assistant', content: '' }, null));
        timer = setInterval(() => {
          controller.enqueue(chunk({ content: STREAMED.slice(sent, sent + TOKEN_CHARS) }, null));
          sent += TOKEN_CHARS;
          if (sent < STREAMED.length) return;
          clearInterval(timer);
          controller.enqueue(chunk({}, 'stop'));
          controller.enqueue(encoder.encode('data: [DONE]\n\n'));
          controller.close();
        }, tokenMs);
      },
      cancel() {
        clearInterval(timer);
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}

let root: Root | undefined;
let store: ChatStore | undefined;
let tokenMs = 10;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Mounts a conversation of `count` messages; resolves with ms until its last row is painted. */
async function open(count: number): Promise<number> {
  root?.unmount();
  store?.destroy();
  const messages = conversation(count);
  const container = document.getElementById('root')!;
  const started = performance.now();
  store = createChatStore({
    client: createParleyClient({
      baseURL: 'http://bench.local/api/v1',
      fetch: (...args) => streamingFetch(tokenMs)(...args),
    }),
    model: 'bench/model',
    initialMessages: messages,
  });
  root = createRoot(container);
  root.render(<Chat.Messages store={store} style={{ height: '100%' }} />);
  const lastPart = messages.at(-1)?.parts[0];
  const lastText = lastPart?.type === 'text' ? lastPart.text.slice(0, 20) : '';
  while (!container.textContent?.includes(lastText)) await nextFrame();
  await nextFrame();
  return performance.now() - started;
}

/** Sends a message and streams the reply into the open conversation; returns frame gaps in ms. */
async function stream(ms: number): Promise<{ frames: number[]; tokens: number }> {
  if (!store) throw new Error('open() a conversation first');
  tokenMs = ms;
  const frames: number[] = [];
  let streaming = true;
  let last = await nextFrame();
  const loop = (now: number) => {
    frames.push(now - last);
    last = now;
    if (streaming) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await store.send('Give me the detailed answer.');
  streaming = false;
  const reply = store.getState().messagesById[store.getState().messageIds.at(-1) ?? ''];
  if (reply?.status !== 'complete')
    throw new Error(`the reply ended ${reply?.status}: ${reply?.error?.message}`);
  return { frames: frames.slice(1), tokens: Math.ceil(STREAMED.length / TOKEN_CHARS) };
}

Object.assign(window, { __bench: { open, stream } });
