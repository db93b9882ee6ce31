/**
 * Property: random sequences of sends, edits, deletes, regenerations, reloads and tab switches, on
 * two tabs sharing one localStorage conversation, never lose a message that was not deleted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParleyClient } from '../client.ts';
import { createScriptedFetch, finish, text } from './__fixtures__/scripted-fetch.ts';
import { syncScheduler } from './chat-notify.ts';
import { createChatStore } from './chat-store.ts';
import type { ChatStore } from './chat-store-types.ts';
import { createLocalStoragePersistence } from './local-storage-persistence.ts';
import { memoryWebStorage } from './threads/__fixtures__/threads.ts';

type Command =
  | { kind: 'send'; words: string }
  | { kind: 'edit'; pick: number; words: string }
  | { kind: 'regenerate' }
  | { kind: 'delete'; pick: number }
  | { kind: 'reload' }
  | { kind: 'switch-tab' };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), words: fc.constantFrom('hi', 'why?', 'more', 'ok') }),
  fc.record({
    kind: fc.constant('edit' as const),
    pick: fc.nat(20),
    words: fc.constantFrom('edited', 'again'),
  }),
  fc.record({ kind: fc.constant('regenerate' as const) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(20) }),
  fc.record({ kind: fc.constant('reload' as const) }),
  fc.record({ kind: fc.constant('switch-tab' as const) }),
);

/** Lets saves land and other tabs hear of them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2));

describe('persistence across tabs (property)', () => {
  it('never loses a message that was not deleted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const web = memoryWebStorage();
        const network = createScriptedFetch(() => [...text('answer'), finish('stop')]);
        const client = createParleyClient({ baseURL: 'http://simulated.test/api/v1', fetch: network.fetch });
        const open = () =>
          createChatStore({
            client,
            scheduler: syncScheduler,
            persistence: createLocalStoragePersistence({ storage: web }),
            conversationId: 'c',
          });
        const tabs: ChatStore[] = [open(), open()];
        let active = 0;
        const created = new Set<string>();
        const deleted = new Set<string>();
        const observe = () => {
          for (const tab of tabs) for (const id of Object.keys(tab.getState().messagesById)) created.add(id);
        };
        try {
          for (const step of commands) {
            const tab = tabs[active]!;
            const { messageIds, messagesById } = tab.getState();
            const users = messageIds.filter((id) => messagesById[id]?.role === 'user');
            switch (step.kind) {
              case 'send':
                await tab.send(step.words);
                break;
              case 'edit':
                if (users.length > 0) await tab.edit(users[step.pick % users.length]!, step.words);
                break;
              case 'regenerate':
                await tab.regenerate();
                break;
              case 'delete': {
                if (messageIds.length === 0) break;
                const before = new Set(Object.keys(messagesById));
                tab.deleteMessage(messageIds[step.pick % messageIds.length]!);
                for (const id of before) if (!(id in tab.getState().messagesById)) deleted.add(id);
                break;
              }
              case 'reload':
                tab.destroy();
                tabs[active] = open();
                break;
              case 'switch-tab':
                active = 1 - active;
                break;
            }
            await settle();
            observe();
          }
          await settle();
          const fresh = open();
          const kept = fresh.getState().messagesById;
          fresh.destroy();
          const lost = [...created].filter((id) => !deleted.has(id) && !(id in kept));
          expect(lost).toEqual([]);
        } finally {
          for (const tab of tabs) tab.destroy();
        }
      }),
      { numRuns: 40 },
    );
  });
});
