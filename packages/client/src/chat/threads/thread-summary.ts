/** What a thread list needs of a thread, its order, search and a default title. */

import { getMessageText } from '../chat-selectors.ts';
import type { ChatMessage } from '../chat-types.ts';
import type { Thread, ThreadSummary } from './thread-types.ts';

/** Characters of a message kept for a title or a preview line. */
const LINE_LENGTH = 80;

function line(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > LINE_LENGTH ? `${flat.slice(0, LINE_LENGTH - 1)}…` : flat;
}

function visible(thread: Thread): ChatMessage[] {
  return thread.messageIds.map((id) => thread.messagesById[id]).filter((message) => message !== undefined);
}

/** A title from the first user message, for a thread nobody named. */
export function defaultTitle(thread: Pick<Thread, 'messageIds' | 'messagesById'>): string {
  for (const id of thread.messageIds) {
    const message = thread.messagesById[id];
    if (message?.role === 'user') return line(getMessageText(message));
  }
  return '';
}

/** The summary of a thread. */
export function toThreadSummary(thread: Thread): ThreadSummary {
  const messages = visible(thread);
  const last = messages[messages.length - 1];
  return {
    id: thread.id,
    title: thread.title,
    createdAt: thread.createdAt,
    updatedAt: thread.updatedAt,
    pinned: thread.pinned,
    messageCount: messages.length,
    preview: last ? line(getMessageText(last)) : '',
    metadata: thread.metadata,
  };
}

/** Pinned threads first, then the most recently updated. */
export function compareThreads(a: ThreadSummary, b: ThreadSummary): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
}

/**
 * Whether every word of `query` appears (case- and accent-insensitively) in the title or the text
 * of any message of the thread, inactive branches included.
 */
export function matchesThread(thread: Thread, query: string): boolean {
  const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [thread.title, ...Object.values(thread.messagesById).map((message) => getMessageText(message))].join(
      '\n',
    ),
  );
  return words.every((word) => haystack.includes(word));
}
