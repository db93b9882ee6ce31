/**
 * Versioned migrations of stored conversations, oldest first. Each step takes the shape of one
 * version to the next, so a record of any age reaches the current {@link THREAD_VERSION} by the
 * same path, and each step has its own test. Messages are not checked here (`validate-thread.ts`
 * checks each one after migrating).
 *
 * - version 0 (before versions): `{ messages: [...] }` or a bare array, messages in order.
 * - version 1: `createLocalStoragePersistence`'s `PersistedChat` (`messageIds`, `messagesById`, `branches`).
 * - version 2: a {@link Thread}: version 1 plus id, title, times, pin, metadata and deleted ids.
 */
import { THREAD_VERSION, type Thread } from './thread-types.ts';

/** A thread whose messages and branches are not checked yet. */
export type UncheckedThread = Omit<Thread, 'messagesById' | 'branches'> & {
  messagesById: Record<string, unknown>;
  branches: Record<string, unknown>;
};

type Migration = (record: Record<string, unknown>, fallbackId: string | undefined) => Record<string, unknown>;

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageTime(message: unknown): number | undefined {
  return isRecord(message) && typeof message.createdAt === 'number' ? message.createdAt : undefined;
}

/** Steps by the version they read: `MIGRATIONS[n]` turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {
  0(record) {
    const list = Array.isArray(record.messages) ? record.messages : [];
    const messageIds: string[] = [];
    const messagesById: Record<string, unknown> = {};
    list.forEach((message, index) => {
      // A message without an id still gets a place (and its own issue later if it is unreadable).
      const id = isRecord(message) && typeof message.id === 'string' ? message.id : `message-${index}`;
      messageIds.push(id);
      messagesById[id] = isRecord(message) && message.id === undefined ? { ...message, id } : message;
    });
    return { version: 1, messageIds, messagesById, branches: {} };
  },
  1(record, fallbackId) {
    const times = Object.values(isRecord(record.messagesById) ? record.messagesById : {})
      .map(messageTime)
      .filter((time): time is number => time !== undefined);
    return {
      ...record,
      version: 2,
      id: typeof record.id === 'string' ? record.id : fallbackId,
      title: '',
      createdAt: times.length > 0 ? Math.min(...times) : 0,
      updatedAt: times.length > 0 ? Math.max(...times) : 0,
      pinned: false,
      metadata: {},
      propertiesUpdatedAt: 0,
      deletedIds: [],
    };
  },
};

function versionOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return 0;
  if (!isRecord(value)) return undefined;
  if (value.version === undefined) return Array.isArray(value.messages) ? 0 : undefined;
  return typeof value.version === 'number' && Number.isInteger(value.version) ? value.version : undefined;
}

/**
 * Brings a stored record to the current version, or says why it cannot: not a conversation, or
 * written by a newer version of Parley (kept as it is rather than guessed at).
 */
export function migrateThread(
  value: unknown,
  fallbackId?: string | undefined,
): { record: UncheckedThread } | { error: string } {
  let version = versionOf(value);
  if (version === undefined) return { error: 'not a stored conversation' };
  if (version > THREAD_VERSION) {
    return { error: `written by a newer version (${version}); this one reads up to ${THREAD_VERSION}` };
  }
  let record: Record<string, unknown> = Array.isArray(value)
    ? { messages: value }
    : (value as Record<string, unknown>);
  while (version < THREAD_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { error: `no migration from version ${version}` };
    record = step(record, fallbackId);
    version += 1;
  }
  return normalise(record, fallbackId);
}

/** The current version's fields with their types checked and defaults filled in. */
function normalise(record: Record<string, unknown>, fallbackId: string | undefined) {
  const id = typeof record.id === 'string' && record.id !== '' ? record.id : fallbackId;
  if (id === undefined) return { error: 'the thread has no id' };
  if (!Array.isArray(record.messageIds) || !isRecord(record.messagesById)) {
    return { error: 'messageIds and messagesById are missing' };
  }
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((item) => typeof item === 'string') : [];
  const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const thread: UncheckedThread = {
    ...(record as object),
    version: THREAD_VERSION,
    id,
    title: typeof record.title === 'string' ? record.title : '',
    createdAt: time(record.createdAt),
    updatedAt: time(record.updatedAt),
    pinned: record.pinned === true,
    metadata: isRecord(record.metadata) ? record.metadata : {},
    propertiesUpdatedAt: time(record.propertiesUpdatedAt),
    messageIds: strings(record.messageIds),
    messagesById: record.messagesById,
    branches: isRecord(record.branches) ? record.branches : {},
    deletedIds: strings(record.deletedIds),
  };
  if (!isRecord(record.usage)) delete thread.usage;
  return { record: thread };
}
