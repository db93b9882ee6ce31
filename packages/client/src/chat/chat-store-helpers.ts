/**
 * Helpers of the chat store that need none of its state: selectors with stable results, loading a
 * saved chat, building a request body, ids.
 */
import type { ChatCompletionStreamingParams } from '../wire-types.ts';
import { type PersistedChat, restoreMessage } from './chat-persistence.ts';
import { type ChatState, createInitialChatState } from './chat-state.ts';
import type { ChatRequestParams, ChatStoreOptions } from './chat-store-types.ts';
import { isPendingToolCall, toToolDefinitions } from './chat-tools.ts';
import type { ChatMessage } from './chat-types.ts';
import { toRequestMessages } from './to-request-messages.ts';

const messagesCache = new WeakMap<Record<string, ChatMessage>, { ids: string[]; messages: ChatMessage[] }>();

/**
 * The visible conversation as an array. The result is cached per state, so a selector built on it
 * returns the same array until a message changes (safe for `useSyncExternalStore`).
 */
export function selectMessages(state: ChatState): ChatMessage[] {
  const cached = messagesCache.get(state.messagesById);
  if (cached && cached.ids === state.messageIds) return cached.messages;
  const messages: ChatMessage[] = [];
  for (const id of state.messageIds) {
    const message = state.messagesById[id];
    if (message) messages.push(message);
  }
  messagesCache.set(state.messagesById, { ids: state.messageIds, messages });
  return messages;
}

/** The last assistant message of the visible conversation (usually the last message). */
export function lastAssistantMessage(state: ChatState): ChatMessage | undefined {
  for (let index = state.messageIds.length - 1; index >= 0; index--) {
    const message = state.messagesById[state.messageIds[index]!];
    if (message?.role === 'assistant') return message;
    if (message?.role === 'user') return undefined;
  }
  return undefined;
}

/** A saved chat as a state to show: interrupted replies and calls settled, waiting calls still waiting. */
export function fromPersistedChat(chat: PersistedChat): ChatState {
  const messagesById: Record<string, ChatMessage> = {};
  for (const [id, message] of Object.entries(chat.messagesById)) messagesById[id] = restoreMessage(message);
  const state: ChatState = {
    ...createInitialChatState(),
    messageIds: chat.messageIds.filter((id) => id in messagesById),
    messagesById,
    branches: chat.branches,
  };
  if (lastAssistantMessage(state)?.toolCalls?.some(isPendingToolCall)) state.status = 'awaiting-tool';
  return state;
}

/**
 * The store's first state: the saved conversation when persistence answers synchronously (as
 * localStorage does, so the page never flashes an empty chat), else `initialMessages`, with
 * `onLoaded` called later when an asynchronous load finds one.
 */
export function loadPersistedState(
  options: ChatStoreOptions,
  onLoaded: (state: ChatState) => void,
): ChatState {
  const fallback = createInitialChatState(options.initialMessages);
  const { persistence, conversationId } = options;
  if (!persistence || conversationId === undefined) return fallback;
  let loaded: ReturnType<typeof persistence.load>;
  try {
    loaded = persistence.load(conversationId);
  } catch {
    return fallback;
  }
  if (loaded instanceof Promise) {
    loaded.then((chat) => chat && onLoaded(fromPersistedChat(chat))).catch(() => undefined);
    return fallback;
  }
  return loaded ? fromPersistedChat(loaded) : fallback;
}

let idCounter = 0;
/** A message id: a UUID where the page can make one, else a time-and-random string. */
export function defaultGenerateId(): string {
  const crypto = globalThis.crypto as Crypto | undefined;
  // randomUUID exists only in secure contexts; a page on plain http falls back.
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  idCounter += 1;
  return `m${Date.now().toString(36)}${idCounter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Runs an app callback without letting its exception break the chat; the error is rethrown asynchronously. */
export function safely(callback: () => void): void {
  try {
    callback();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}

/**
 * The body of one streamed request: the parameters resolved for it, over the chat's model, models
 * and tools. Usage is asked for by default, since the chat shows it and `maxCost` needs it.
 */
export function toRequestBody(
  messages: readonly ChatMessage[],
  extra: ChatRequestParams,
  options: Pick<ChatStoreOptions, 'model' | 'models' | 'tools'>,
): ChatCompletionStreamingParams {
  const body: ChatCompletionStreamingParams = {
    ...extra,
    messages: toRequestMessages(messages),
    stream: true,
    stream_options: extra.stream_options ?? { include_usage: true },
  };
  const model = extra.model ?? options.model;
  if (model !== undefined) body.model = model;
  const models = extra.models ?? options.models;
  if (models !== undefined) body.models = models;
  const tools = options.tools;
  if (extra.tools === undefined && tools && Object.keys(tools).length > 0)
    body.tools = toToolDefinitions(tools);
  return body;
}
