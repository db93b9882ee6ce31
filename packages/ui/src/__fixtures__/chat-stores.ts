import { createParleyClient } from '@parley/client';
import { type ChatMessage, type ChatStore, createChatStore } from '@parley/client/chat';
import { afterEach } from 'vitest';
import { simulatorBaseURL } from './simulator.ts';

/**
 * `chatStore` makes a chat store on the simulator's echo model, `track` takes one made otherwise; each
 * is destroyed after its test. Call it once, at the top of a test file.
 */
export function trackedChatStores() {
  const stores: ChatStore[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.destroy();
  });
  const track = (store: ChatStore) => {
    stores.push(store);
    return store;
  };
  const chatStore = (initialMessages: ChatMessage[] = []) =>
    track(
      createChatStore({
        client: createParleyClient({ baseURL: simulatorBaseURL() }),
        model: 'parley/echo',
        initialMessages,
      }),
    );
  return { chatStore, track };
}

/** A settled text message. */
export const settled = (id: string, role: 'user' | 'assistant', text: string): ChatMessage => ({
  id,
  role,
  parts: [{ type: 'text', text }],
  createdAt: 0,
  status: 'complete',
});
