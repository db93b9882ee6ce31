/**
 * The chat reducer: `reduceChat(state, event)` is the only way chat state changes. Structural
 * sharing is its contract: an event replaces only the messages it touches (and the `messagesById`
 * record that holds them); `messageIds` changes only when a message is added or removed, and
 * every other message keeps its identity. One exception keeps a token O(1): while a reply streams,
 * its entry is replaced in place in a record made for that reply (see `messages-record.ts`), so a
 * state kept from mid-stream shows later tokens of that reply (`structuredClone` it to keep it).
 */
import { type ChatEvent, isDeltaEvent } from './chat-events.ts';
import { type ChatBranch, type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatMessage, ChatToolCall } from './chat-types.ts';
import { deleteMessages } from './delete-messages.ts';
import { withStreamedMessage } from './messages-record.ts';
import { applyDelta, endMessage } from './reduce-message.ts';
import { addUsage } from './usage-total.ts';

/** Whether a message still takes streamed data (nothing changes a reply after it came to rest). */
function isOpen(message: ChatMessage | undefined): message is ChatMessage {
  return message !== undefined && (message.status === 'pending' || message.status === 'streaming');
}

function withMessages(state: ChatState, changed: ReadonlyMap<string, ChatMessage>): ChatState {
  const messagesById = { ...state.messagesById };
  for (const [id, message] of changed) messagesById[id] = message;
  return { ...state, messagesById };
}

/**
 * Applies a run of streamed deltas as one change. The usual case, one streaming message, costs
 * O(1) whatever the conversation's length (see `messages-record.ts`).
 */
function applyDeltas(state: ChatState, drafts: Map<string, ChatMessage> | undefined): ChatState {
  if (!drafts) return state;
  for (const [id, message] of drafts) if (state.messagesById[id] === message) drafts.delete(id);
  if (drafts.size === 0) return state;
  const [only] = drafts;
  const next =
    drafts.size === 1 && only
      ? { ...state, messagesById: withStreamedMessage(state.messagesById, only[0], only[1]) }
      : withMessages(state, drafts);
  if (next.status === 'submitted') next.status = 'streaming';
  delete next.pendingRetry;
  return next;
}

function reduceBatch(state: ChatState, events: readonly ChatEvent[]): ChatState {
  let current = state;
  let drafts: Map<string, ChatMessage> | undefined;
  for (const event of events) {
    if (isDeltaEvent(event)) {
      const base = drafts?.get(event.messageId) ?? current.messagesById[event.messageId];
      if (!isOpen(base)) continue;
      drafts ??= new Map();
      drafts.set(event.messageId, applyDelta(base, event));
    } else {
      current = reduceChat(applyDeltas(current, drafts), event);
      drafts = undefined;
    }
  }
  return applyDeltas(current, drafts);
}

/** Writes a branch record under the first id of each of its alternatives. */
function withBranch(branches: Record<string, ChatBranch>, branch: ChatBranch): Record<string, ChatBranch> {
  const next = { ...branches };
  for (const ids of branch.ids) if (ids[0] !== undefined) next[ids[0]] = branch;
  return next;
}

function createBranch(state: ChatState, index: number, newFirstId: string): ChatState {
  const oldTail = state.messageIds.slice(index);
  const first = oldTail[0];
  if (first === undefined) return state;
  const existing = state.branches[first];
  let branch: ChatBranch;
  if (existing && existing.ids[existing.active]?.[0] === first) {
    const ids = existing.ids.slice();
    ids[existing.active] = oldTail;
    ids.push([newFirstId]);
    branch = { ids, active: ids.length - 1 };
  } else {
    branch = { ids: [oldTail, [newFirstId]], active: 1 };
  }
  return {
    ...state,
    messageIds: state.messageIds.slice(0, index),
    branches: withBranch(state.branches, branch),
  };
}

function switchBranch(state: ChatState, messageId: string, index: number): ChatState {
  const branch = state.branches[messageId];
  if (!branch || index === branch.active || index < 0 || index >= branch.ids.length) return state;
  const activeFirst = branch.ids[branch.active]?.[0];
  const position = activeFirst === undefined ? -1 : state.messageIds.indexOf(activeFirst);
  if (position === -1) return state;
  const ids = branch.ids.slice();
  ids[branch.active] = state.messageIds.slice(position);
  const shown = (ids[index] ?? []).filter((id) => id in state.messagesById);
  return {
    ...state,
    messageIds: state.messageIds.slice(0, position).concat(shown),
    branches: withBranch(state.branches, { ids, active: index }),
  };
}

// A call runs from when it is handed to its executor or the app (or answered at once) until it
// settles; arguments streaming in and a wait for approval come before, so they do not count.
const RUNNING_TOOL_STATES: ReadonlySet<ChatToolCall['state']> = new Set([
  'running',
  'awaiting-result',
  'done',
]);
const SETTLED_TOOL_STATES: ReadonlySet<ChatToolCall['state']> = new Set(['done', 'failed', 'denied']);

function updateToolCalls(message: ChatMessage, event: Extract<ChatEvent, { type: 'tool-calls-update' }>) {
  if (!message.toolCalls) return message;
  let changed = false;
  const toolCalls = message.toolCalls.map((call): ChatToolCall => {
    const update = event.updates.find((candidate) => candidate.id === call.id);
    if (!update) return call;
    changed = true;
    const next: ChatToolCall = { ...call, state: update.state };
    if (update.result !== undefined) next.result = update.result;
    if (update.error !== undefined) next.error = update.error;
    if (next.startedAt === undefined && RUNNING_TOOL_STATES.has(update.state)) next.startedAt = event.at;
    if (next.endedAt === undefined && SETTLED_TOOL_STATES.has(update.state)) next.endedAt = event.at;
    return next;
  });
  return changed ? { ...message, toolCalls } : message;
}

function replaceMessage(state: ChatState, message: ChatMessage): ChatState {
  return withMessages(state, new Map([[message.id, message]]));
}

/**
 * How a reply that streamed to its end came to rest: cut by its length limit or stopped by the
 * provider's content filter is `incomplete` (the UI offers Continue or Rephrase), an `error`
 * finish is `error`, anything else `complete`.
 */
function finishStatus(reason: ChatMessage['finishReason']): 'complete' | 'incomplete' | 'error' {
  if (reason === 'length' || reason === 'content_filter') return 'incomplete';
  if (reason === 'error') return 'error';
  return 'complete';
}

/** Applies one event to the chat state. */
export function reduceChat(state: ChatState, event: ChatEvent): ChatState {
  if (isDeltaEvent(event)) return reduceBatch(state, [event]);
  switch (event.type) {
    case 'batch':
      return reduceBatch(state, event.events);
    case 'messages-set': {
      const next = createInitialChatState(event.messages);
      if (event.branches) next.branches = event.branches;
      return next;
    }
    case 'message-add': {
      const known = event.message.id in state.messagesById;
      const next = replaceMessage(state, event.message);
      if (!known || !state.messageIds.includes(event.message.id)) {
        next.messageIds = [...state.messageIds, event.message.id];
      }
      return next;
    }
    case 'request-start': {
      const message: ChatMessage = {
        id: event.messageId,
        role: 'assistant',
        parts: [],
        createdAt: event.at,
        status: 'pending',
        timing: { startedAt: event.at },
      };
      if (event.model !== undefined) message.model = event.model;
      if (event.responseFormat && event.responseFormat.type !== 'text') {
        message.responseFormat = event.responseFormat;
      }
      const next = replaceMessage(state, message);
      if (state.messageIds[state.messageIds.length - 1] !== event.messageId) {
        next.messageIds = [...state.messageIds, event.messageId];
      }
      next.status = 'submitted';
      delete next.error;
      delete next.pendingRetry;
      return next;
    }
    case 'retry-scheduled':
      return { ...state, pendingRetry: event.retry };
    case 'message-end': {
      const message = state.messagesById[event.messageId];
      if (!isOpen(message)) return state;
      const ended = endMessage(message, finishStatus(message.finishReason), event.at);
      const next = replaceMessage(state, ended);
      // A reply with calls is not the end: the calls run (or ask the user) and the loop decides what
      // comes next, so the chat stays busy until then (`tools-await`, `tools-end` or the next request).
      next.status = ended.toolCalls && ended.toolCalls.length > 0 ? 'submitted' : 'idle';
      if (ended.usage) {
        next.usage = ended.usage;
        next.usageTotal = addUsage(state.usageTotal, ended.usage);
      }
      delete next.pendingRetry;
      return next;
    }
    case 'request-error': {
      const message = event.messageId === undefined ? undefined : state.messagesById[event.messageId];
      const status = event.error.kind === 'incomplete-stream' ? 'incomplete' : 'error';
      const next = isOpen(message)
        ? replaceMessage(state, endMessage(message, status, event.at, event.error))
        : { ...state };
      // A reply that failed part-way may still have been billed (a usage chunk before the error).
      if (isOpen(message) && message.usage) next.usageTotal = addUsage(state.usageTotal, message.usage);
      next.status = 'error';
      next.error = event.error;
      delete next.pendingRetry;
      return next;
    }
    case 'request-abort': {
      const message = event.messageId === undefined ? undefined : state.messagesById[event.messageId];
      const next = isOpen(message)
        ? replaceMessage(state, endMessage(message, 'aborted', event.at))
        : { ...state };
      next.status = 'idle';
      delete next.pendingRetry;
      return next;
    }
    case 'tool-calls-update': {
      const message = state.messagesById[event.messageId];
      if (!message) return state;
      const updated = updateToolCalls(message, event);
      return updated === message ? state : replaceMessage(state, updated);
    }
    case 'tools-await':
      return state.status === 'awaiting-tool' ? state : { ...state, status: 'awaiting-tool' };
    case 'tools-resume':
      return state.status === 'awaiting-tool' ? { ...state, status: 'submitted' } : state;
    case 'tools-end': {
      const message = event.messageId === undefined ? undefined : state.messagesById[event.messageId];
      const next =
        message && event.notice ? replaceMessage(state, { ...message, notice: event.notice }) : { ...state };
      next.status = 'idle';
      return next;
    }
    case 'branch-create':
      return createBranch(state, event.index, event.newFirstId);
    case 'branch-switch':
      return switchBranch(state, event.messageId, event.index);
    case 'message-delete':
      return deleteMessages(state, event.messageId, event.turn);
    case 'storage-status': {
      const issues = state.storage?.issues ?? [];
      if (!event.unsaved && issues.length === 0) {
        if (!state.storage) return state;
        const { storage: _, ...rest } = state;
        return rest;
      }
      return { ...state, storage: event.unsaved ? { issues, unsaved: event.unsaved } : { issues } };
    }
  }
}
