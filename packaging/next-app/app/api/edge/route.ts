import { createParleyClient } from '@parley/client';
import { createChatStore } from '@parley/client/chat';

// The edge runtime has web APIs only: no DOM, no Node built-ins. Both client entries must load and stream.
export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export async function GET() {
  const client = createParleyClient({
    baseURL: process.env.PARLEY_BASE_URL ?? 'http://127.0.0.1:8787/api/v1',
  });
  const stream = await client.chat.completions.create({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'Hello from the edge' }],
    stream: true,
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  const store = createChatStore({ client, model: 'parley/echo' });
  return Response.json({ text, status: store.getState().status });
}
