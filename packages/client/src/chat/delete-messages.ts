/**
 * Deleting from a conversation that has branches. The chat keeps inactive alternatives beside the
 * visible messages, so deleting must touch exactly what was asked: one message (a row's Delete), or
 * a whole turn (a user message, its replies and those replies' own alternatives). Every other
 * message and alternative stays, and a branch point whose shown alternative was deleted shows
 * another one rather than hiding them all.
 */
import type { ChatBranch, ChatState } from './chat-state.ts';
import type { ChatMessage } from './chat-types.ts';

function uniqueBranches(branches: Record<string, ChatBranch>): ChatBranch[] {
  return [...new Set(Object.values(branches))];
}

/** The ids a deletion removes: the message, or with `turn` the turn it starts and its replies' alternatives. */
function idsToRemove(state: ChatState, index: number, turn: boolean): Set<string> {
  const { messageIds, messagesById } = state;
  const removed = new Set([messageIds[index]!]);
  if (!turn) return removed;
  let end = index + 1;
  while (end < messageIds.length && messagesById[messageIds[end]!]?.role !== 'user') {
    removed.add(messageIds[end]!);
    end += 1;
  }
  // The replies' regenerations belong to the turn: branch points strictly inside it go whole.
  for (const branch of uniqueBranches(state.branches)) {
    const first = branch.ids[branch.active]?.[0];
    const at = first === undefined ? -1 : messageIds.indexOf(first);
    if (at > index && at < end) for (const list of branch.ids) for (const id of list) removed.add(id);
  }
  return removed;
}

/**
 * `state` without `messageId` (and with `turn`, without the turn it starts). Returns `state` itself
 * when the message is not in the visible conversation.
 */
export function deleteMessages(state: ChatState, messageId: string, turn: boolean): ChatState {
  const index = state.messageIds.indexOf(messageId);
  if (index === -1) return state;
  const removed = idsToRemove(state, index, turn);
  const messagesById: Record<string, ChatMessage> = { ...state.messagesById };
  for (const id of removed) delete messagesById[id];
  let messageIds = state.messageIds.filter((id) => !removed.has(id));
  const branches: Record<string, ChatBranch> = {};
  for (const branch of uniqueBranches(state.branches)) {
    const activeFirst = branch.ids[branch.active]?.[0];
    const position = activeFirst === undefined ? -1 : state.messageIds.indexOf(activeFirst);
    // Where the branch point is once the removed messages before it are gone.
    const at = position - state.messageIds.slice(0, position).filter((id) => removed.has(id)).length;
    // The shown alternative is `messageIds` from the branch point on (only its first id counts).
    const lists = branch.ids.map((list, k) =>
      k === branch.active && position !== -1 ? messageIds.slice(at) : list.filter((id) => !removed.has(id)),
    );
    const kept = lists.map((list, k) => ({ list, k })).filter(({ list }) => list.length > 0);
    if (kept.length === 0) continue;
    let active = kept.findIndex(({ k }) => k === branch.active);
    if (active === -1) {
      // The shown alternative is gone: show the nearest other one in its place.
      active = Math.min(branch.active, kept.length - 1);
      const shown = kept[active]!.list.filter((id) => id in messagesById);
      if (position !== -1) messageIds = messageIds.slice(0, at).concat(shown);
    }
    if (kept.length < 2) continue;
    const next: ChatBranch = { ids: kept.map(({ list }) => list), active };
    for (const { list } of kept) branches[list[0]!] = next;
  }
  return { ...state, messageIds, messagesById, branches };
}
