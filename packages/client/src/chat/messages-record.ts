/**
 * The `messagesById` record while a reply streams. Copying a record of 1,000 messages takes about
 * 80 µs in V8 (large records live in dictionary mode), which per token would make streaming cost
 * grow with the conversation. So a streamed delta does not copy the record: it returns a read-only
 * view of the record as it stood when the reply started, with the streaming message swapped in.
 * The view is a new object each time (identity still says "something changed"), reads, `in`,
 * enumeration, spread and JSON all see the current message, and writes throw. The next event that
 * is not a delta turns it back into a plain object, once per reply.
 */
import type { ChatMessage } from './chat-types.ts';

type MessagesRecord = Record<string, ChatMessage>;

/** What a view shows: `base` with `message` under `id`. */
export interface MessagesOverlay {
  base: MessagesRecord;
  id: string;
  message: ChatMessage;
}

const overlays = new WeakMap<object, MessagesOverlay>();

const readOnly = () => {
  throw new TypeError('Chat state is immutable: change it through the store, not in place.');
};

/** The overlay behind a view, or `undefined` for a plain record. */
export function overlayOf(record: MessagesRecord): MessagesOverlay | undefined {
  return overlays.get(record);
}

/** A plain object with the same entries (the record itself when it is one already). */
export function toPlainRecord(record: MessagesRecord): MessagesRecord {
  const overlay = overlays.get(record);
  if (!overlay) return record;
  const plain = { ...overlay.base };
  plain[overlay.id] = overlay.message;
  return plain;
}

/**
 * `record` with `message` under `id`, in O(1) when `id` is already in the record: the message of a
 * reply that is streaming. Otherwise a plain copy.
 */
export function withStreamedMessage(
  record: MessagesRecord,
  id: string,
  message: ChatMessage,
): MessagesRecord {
  const current = overlays.get(record);
  let base: MessagesRecord;
  if (current && current.id === id) base = current.base;
  else if (current) base = toPlainRecord(record);
  else base = record;
  if (!Object.hasOwn(base, id)) {
    const plain = { ...base };
    plain[id] = message;
    return plain;
  }
  const view = new Proxy(base, {
    get: (target, key) => (key === id ? message : Reflect.get(target, key)),
    getOwnPropertyDescriptor: (target, key) =>
      key === id
        ? { value: message, writable: true, enumerable: true, configurable: true }
        : Reflect.getOwnPropertyDescriptor(target, key),
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
    setPrototypeOf: readOnly,
  });
  overlays.set(view, { base, id, message });
  return view;
}

/**
 * The ids whose message differs between two records, when that is cheap to know (both are views
 * of one base, or one is a view of the other); `undefined` means "compare them all".
 */
export function changedMessageIds(previous: MessagesRecord, next: MessagesRecord): string[] | undefined {
  if (previous === next) return [];
  const after = overlays.get(next);
  if (!after) return undefined;
  if (after.base === previous) return [after.id];
  const before = overlays.get(previous);
  if (!before || before.base !== after.base) return undefined;
  return before.id === after.id ? [after.id] : [before.id, after.id];
}
