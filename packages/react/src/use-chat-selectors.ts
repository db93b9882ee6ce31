'use client';
import type { Usage } from '@parley/client';
/**
 * Small hooks over a chat store. Each selects a value the core keeps stable (an id list, one
 * message, a status), so a component re-renders only when its own slice changes: a list follows
 * `useChatMessageIds`, each row follows `useChatMessage(id)`, and a streamed token re-renders only
 * the row it lands in.
 */
import type {
  ChatErrorInfo,
  ChatMessage,
  ChatPendingRetry,
  ChatState,
  ChatStatus,
  ChatStore,
} from '@parley/client/chat';
import { selectBranch } from '@parley/client/chat';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { useChatStore } from './chat-provider.tsx';

/**
 * Reads a slice of a chat store (the given one, or the nearest `ChatProvider`'s). The selector must
 * return a primitive or a reference the store keeps stable.
 *
 * @example
 * ```tsx
 * const count = useChatSelector((state) => state.messageIds.length);
 * ```
 */
export function useChatSelector<T>(selector: (state: ChatState) => T, store?: ChatStore): T {
  return useStore(useChatStore(store), selector);
}

const selectIds = (state: ChatState) => state.messageIds;
const selectStatus = (state: ChatState) => state.status;
const selectError = (state: ChatState) => state.error;
const selectPendingRetry = (state: ChatState) => state.pendingRetry;
const selectUsage = (state: ChatState) => state.usage;

/**
 * The ids of the visible messages, in order; a new array only when a message is added or removed.
 *
 * @example
 * ```tsx
 * function MessageList() {
 *   const ids = useChatMessageIds();
 *   return ids.map((id) => <MessageRow key={id} id={id} />);
 * }
 * ```
 */
export function useChatMessageIds(store?: ChatStore): string[] {
  return useChatSelector(selectIds, store);
}

/**
 * One message; re-renders only when that message changes.
 *
 * @example
 * ```tsx
 * const MessageRow = memo(function MessageRow({ id }: { id: string }) {
 *   const message = useChatMessage(id);
 *   return <article>{message?.parts.map(renderPart)}</article>;
 * });
 * ```
 */
export function useChatMessage(id: string, store?: ChatStore): ChatMessage | undefined {
  const resolved = useChatStore(store);
  // Subscribed by id, so a token streaming into another message never even runs this row's check.
  const subscribe = useCallback(
    (onChange: () => void) => resolved.subscribeMessage(id, onChange),
    [resolved, id],
  );
  const read = () => resolved.getState().messagesById[id];
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Where the chat is: `idle`, `submitted`, `streaming`, `awaiting-tool` or `error`.
 *
 * @example
 * ```tsx
 * const status = useChatStatus();
 * const busy = status === 'submitted' || status === 'streaming';
 * ```
 */
export function useChatStatus(store?: ChatStore): ChatStatus {
  return useChatSelector(selectStatus, store);
}

/**
 * Why the last request failed, until the next one starts.
 *
 * @example
 * ```tsx
 * const error = useChatError();
 * if (error) return <p role="alert">{error.message}</p>;
 * ```
 */
export function useChatError(store?: ChatStore): ChatErrorInfo | undefined {
  return useChatSelector(selectError, store);
}

/**
 * The retry the client waits for after a 429 or 5xx, for a countdown.
 *
 * @example
 * ```tsx
 * const retry = useChatPendingRetry();
 * if (retry) return <p>Retrying in {Math.ceil((retry.retryAt - Date.now()) / 1000)} s</p>;
 * ```
 */
export function useChatPendingRetry(store?: ChatStore): ChatPendingRetry | undefined {
  return useChatSelector(selectPendingRetry, store);
}

/**
 * Token usage of the last reply.
 *
 * @example
 * ```tsx
 * const usage = useChatUsage();
 * return <small>{usage?.total_tokens} tokens</small>;
 * ```
 */
export function useChatUsage(store?: ChatStore): Usage | undefined {
  return useChatSelector(selectUsage, store);
}

/**
 * Which alternative a message is, when regenerate or edit made several, for a "2 / 3" picker.
 *
 * @example
 * ```tsx
 * const branch = useChatBranch(id);
 * const { switchBranch } = useChatStore();
 * if (branch) return <button onClick={() => switchBranch(id, branch.index - 1)}>Previous</button>;
 * ```
 */
export function useChatBranch(
  messageId: string,
  store?: ChatStore,
): { index: number; count: number } | undefined {
  // Two primitives, so a row re-renders only when its own position or count changes.
  const index = useChatSelector((state) => selectBranch(state, messageId)?.index ?? -1, store);
  const count = useChatSelector((state) => selectBranch(state, messageId)?.count ?? 0, store);
  return useMemo(() => (index === -1 ? undefined : { index, count }), [index, count]);
}
