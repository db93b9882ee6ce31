/**
 * Merging two copies of one thread (this tab's and what another tab stored meanwhile) by message,
 * so concurrent edits never drop one: every message either copy holds is kept unless one of them
 * deleted it. Where the two conversations went different ways after a common start, the other
 * copy's continuation becomes an alternative (a branch) beside ours, which is what it is: two
 * answers to the same history.
 */
import type { ChatBranch } from '../chat-state.ts';
import type { ChatMessage } from '../chat-types.ts';
import { THREAD_VERSION, type Thread } from './thread-types.ts';

function isOpen(message: ChatMessage): boolean {
  return message.status === 'pending' || message.status === 'streaming';
}

/** Our message, unless ours is still open and theirs came to rest (theirs then knows more). */
function pick(ours: ChatMessage, theirs: ChatMessage): ChatMessage {
  return isOpen(ours) && !isOpen(theirs) ? theirs : ours;
}

function branchGroups(branches: Record<string, ChatBranch>): ChatBranch[] {
  return [...new Set(Object.values(branches))];
}

function firstIds(branch: ChatBranch): string[] {
  return branch.ids.map((ids) => ids[0]).filter((id): id is string => id !== undefined);
}

function longer(a: string[], b: string[]): string[] {
  return b.length > a.length && a.every((id, index) => b[index] === id) ? b : a;
}

/** Adds `alternative` to the branch point whose alternatives include `at`, or makes one there. */
function addAlternative(
  branches: Map<string, ChatBranch>,
  at: string,
  ours: string[],
  alternative: string[],
): void {
  const first = alternative[0];
  if (first === undefined) return;
  const existing = branches.get(at);
  if (!existing) {
    const branch: ChatBranch = { ids: [ours, alternative], active: 0 };
    branches.set(at, branch);
    branches.set(first, branch);
    return;
  }
  const known = existing.ids.findIndex((ids) => ids[0] === first);
  const ids = existing.ids.slice();
  if (known === -1) ids.push(alternative);
  else ids[known] = longer(ids[known] ?? [], alternative);
  const branch: ChatBranch = { ids, active: existing.active };
  for (const id of firstIds(branch)) branches.set(id, branch);
}

/** Both copies' branch points, alternatives joined by their first message. */
function mergeBranches(ours: Record<string, ChatBranch>, theirs: Record<string, ChatBranch>) {
  const merged = new Map<string, ChatBranch>(Object.entries(ours));
  for (const branch of branchGroups(theirs)) {
    const at = firstIds(branch).find((id) => merged.has(id));
    if (at === undefined) {
      for (const id of firstIds(branch)) merged.set(id, branch);
      continue;
    }
    for (const alternative of branch.ids) {
      const current = merged.get(at);
      const active = current?.ids[current.active];
      addAlternative(merged, at, active ?? [], alternative);
    }
  }
  return merged;
}

function withoutDeleted(branches: Map<string, ChatBranch>, deleted: ReadonlySet<string>, known: object) {
  const result: Record<string, ChatBranch> = {};
  for (const branch of new Set(branches.values())) {
    const ids = branch.ids.map((list) => list.filter((id) => !deleted.has(id) && id in known));
    const kept = ids.filter((list) => list.length > 0);
    if (kept.length < 2) continue;
    const activeFirst = ids[branch.active]?.[0];
    const active = Math.max(
      0,
      kept.findIndex((list) => list[0] === activeFirst),
    );
    const next: ChatBranch = { ids: kept, active };
    for (const list of kept) if (list[0] !== undefined) result[list[0]] = next;
  }
  return result;
}

/**
 * `ours` with everything `theirs` adds: messages it has and we lack, its continuation where the
 * two differ (as an alternative), its branch alternatives. Deletions of either side win over the
 * other's copy. Title, pin and metadata come from whichever copy changed them last.
 */
export function mergeThreads(ours: Thread, theirs: Thread | undefined): Thread {
  if (!theirs || theirs === ours) return ours;
  const deleted = new Set([...ours.deletedIds, ...theirs.deletedIds]);
  const messagesById: Record<string, ChatMessage> = {};
  for (const [id, message] of Object.entries(theirs.messagesById))
    if (!deleted.has(id)) messagesById[id] = message;
  for (const [id, message] of Object.entries(ours.messagesById)) {
    if (deleted.has(id)) continue;
    const other = messagesById[id];
    messagesById[id] = other ? pick(message, other) : message;
  }
  const visible = (ids: string[]) => ids.filter((id) => id in messagesById);
  const mine = visible(ours.messageIds);
  const other = visible(theirs.messageIds);
  let common = 0;
  while (common < mine.length && common < other.length && mine[common] === other[common]) common += 1;
  const branches = mergeBranches(ours.branches, theirs.branches);
  let messageIds = mine;
  if (common === mine.length) messageIds = other;
  else if (common < other.length)
    addAlternative(branches, mine[common]!, mine.slice(common), other.slice(common));
  const named = theirs.propertiesUpdatedAt > ours.propertiesUpdatedAt ? theirs : ours;
  const merged: Thread = {
    ...ours,
    title: named.title,
    pinned: named.pinned,
    metadata: named.metadata,
    propertiesUpdatedAt: named.propertiesUpdatedAt,
    createdAt: Math.min(ours.createdAt, theirs.createdAt),
    updatedAt: Math.max(ours.updatedAt, theirs.updatedAt),
    messageIds,
    messagesById,
    branches: withoutDeleted(branches, deleted, messagesById),
    deletedIds: [...deleted],
  };
  return merged;
}

/** A chat's messages as a thread with no title or times, to merge two copies of one conversation. */
export function threadOf(
  id: string,
  chat: Pick<Thread, 'messageIds' | 'messagesById' | 'branches'> & { deletedIds?: string[] | undefined },
): Thread {
  return {
    version: THREAD_VERSION,
    id,
    title: '',
    createdAt: 0,
    updatedAt: 0,
    pinned: false,
    metadata: {},
    propertiesUpdatedAt: 0,
    messageIds: chat.messageIds,
    messagesById: { ...chat.messagesById },
    branches: chat.branches,
    deletedIds: chat.deletedIds ?? [],
  };
}
