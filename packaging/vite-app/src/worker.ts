import { createParleyClient } from '@parley/client';
import { createChatStore } from '@parley/client/chat';

// Runs in a dedicated worker: no window, no document. Both entries must load and stream here.
self.onmessage = async (event: MessageEvent<string>) => {
  const client = createParleyClient({ baseURL: event.data });
  const stream = await client.chat.completions.create({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'Hello from a worker' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  const store = createChatStore({ client, model: 'parley/echo' });
  self.postMessage(`${typeof store.getState} ${text}`);
};
