// Plain Node, no DOM: both client entries load, and the client streams a reply from the simulator.
for (const name of ['window', 'document', 'HTMLElement', 'localStorage']) {
  if (name in globalThis) throw new Error(`${name} exists in plain Node`);
}
const { createParleyClient } = await import('@parley/client');
const { createChatStore } = await import('@parley/client/chat');
const { startSimulator } = await import('@parley/mock-server/node');

const simulator = await startSimulator({ port: 0, tokenDelayMs: 0 });
try {
  const client = createParleyClient({ baseURL: simulator.baseURL });
  const stream = await client.chat.completions.create({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'Hello from Node' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  const store = createChatStore({ client, model: 'parley/echo' });
  console.log(JSON.stringify({ text, status: store.getState().status }));
} finally {
  await simulator.close();
}
