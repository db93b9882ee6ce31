import { createParleyClient } from '@parley/client';
import { createChatStore } from '@parley/client/chat';
import { ReasoningPanel } from '@parley/ui';
import { Chat } from '@parley/ui/connected';
import { useState } from 'react';
// Both written from the root README by the test: the Install section's Vite file and the quick start hook.
import { ParleyChat } from './parley-chat';
import { Chat as QuickStart } from './readme-quick-start';

const baseURL = new URL('/api/v1', window.location.href).href;

/** A conversation saved earlier, opened as the page loads (main.tsx preloads what it first paints with). */
const saved = createChatStore({
  client: createParleyClient({ baseURL }),
  model: 'parley/echo',
  initialMessages: [
    {
      id: 'q1',
      role: 'user',
      parts: [{ type: 'text', text: 'What is a monad?' }],
      createdAt: 1,
      status: 'complete',
    },
    {
      id: 'a1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'A **monoid** in the category of endofunctors.' }],
      createdAt: 2,
      status: 'complete',
    },
  ],
});

/** The client without React or a DOM: a Web Worker streams a reply and posts the text back. */
function WorkerCheck() {
  const [text, setText] = useState('');
  const start = () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<string>) => setText(event.data);
    worker.postMessage(baseURL);
  };
  return (
    <section aria-label="Worker">
      <button type="button" onClick={start}>
        Stream in a worker
      </button>
      <output>{text}</output>
    </section>
  );
}

export function App() {
  return (
    <main>
      <section aria-label="Quick start">
        <QuickStart />
      </section>
      <section aria-label="One-tag chat">
        <ParleyChat />
      </section>
      <section aria-label="Saved conversation" style={{ height: 320 }}>
        <Chat.Root store={saved} />
      </section>
      <section aria-label="Parts">
        <ReasoningPanel.Root reasoning={{ text: 'Weighing the options.', details: [] }} defaultOpen>
          <ReasoningPanel.Trigger />
          <ReasoningPanel.Content />
        </ReasoningPanel.Root>
      </section>
      <WorkerCheck />
    </main>
  );
}
