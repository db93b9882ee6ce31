/**
 * The `messagesById` record while a reply streams. Copying a record of 1,000 messages takes about
 * 80 µs in V8 (large records live in dictionary mode), which per token would make streaming cost
 * grow with the conversation. So the first token of a reply copies the record once, and the
 * reducer then owns that copy: later tokens of the same reply replace the message under its id in
 * place, in O(1). The record stays a plain object (it clones, serialises and spreads like any
 * other), the message object and the state object are still new on every change, and the store
 * tells the streaming message's listeners directly, since the record's identity no longer says
 * that something changed. Any other change copies the record again, ending the ownership, so a
 * settled conversation is never written in place.
 */
import type { ChatMessage } from './chat-types.ts';

type MessagesRecord = Record<string, ChatMessage>;

/** Records the reducer made for a streaming reply, with the id of that reply. */
const owned = new WeakMap<MessagesRecord, string>();

/** The id whose message `record` takes in place while it streams, if any. */
export function streamingIdOf(record: MessagesRecord): string | undefined {
  return owned.get(record);
}

/**
 * `record` with `message` under `id`: the same record, changed in place, when it is the one made
 * for this reply's stream; otherwise a copy, which becomes that record.
 */
export function withStreamedMessage(
  record: MessagesRecord,
  id: string,
  message: ChatMessage,
): MessagesRecord {
  if (owned.get(record) === id) {
    record[id] = message;
    return record;
  }
  const copy = { ...record };
  copy[id] = message;
  owned.set(copy, id);
  return copy;
}
