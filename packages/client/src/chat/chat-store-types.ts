/** The public shape of the chat store: its options and its actions. */
import type { ParleyClient } from '../client.ts';
import type { ChatCompletionParams } from '../wire-types.ts';
import type { ChatScheduler } from './chat-notify.ts';
import type { ChatPersistence } from './chat-persistence.ts';
import type { ChatState } from './chat-state.ts';
import type { ChatTool } from './chat-tools.ts';
import type { ChatMessage, ChatPart, ChatToolCall } from './chat-types.ts';
import type { ThreadSaveError } from './threads/thread-types.ts';

/** What `onFinish` receives each time a reply finishes streaming normally. */
export interface ChatFinishInfo {
  /** The reply; `message.generationId` is the response `id`, to look the generation up or attach feedback. */
  message: ChatMessage;
  /** The visible conversation, ending with `message`. */
  messages: ChatMessage[];
}

/** What `onToolCall` receives for a call the chat cannot run by itself. */
export interface ChatToolCallInfo {
  toolCall: ChatToolCall;
  /** The parsed arguments (checked against the schema when the tool is declared). */
  args: unknown;
  messageId: string;
}

/** Request parameters of the chat; `messages` and `stream` are the chat's own. */
export type ChatRequestParams = Partial<ChatCompletionParams>;

/** Options of `createChatStore`. Every field is read when it is used, never copied at creation. */
export interface ChatStoreOptions {
  /**
   * The client to send with, read on every request: replace it (a pasted key, another endpoint)
   * and the next request uses the new one. `@parley/react` makes it from the connection settings.
   */
  client?: ParleyClient | undefined;
  model?: string | undefined;
  /** Fallback models, in order (OpenRouter's `models`). */
  models?: string[] | undefined;
  /** Any request parameter of the spec (temperature, reasoning, provider, metadata...), read at send time. */
  params?: (ChatRequestParams | (() => ChatRequestParams)) | undefined;
  tools?: Record<string, ChatTool> | undefined;
  /**
   * Send a forced `tool_choice` (`required` or a named function) on every tool round. By default
   * it applies to the first round only and later rounds send `auto`, because OpenAI-style models
   * force a call on every request that asks, so the loop would never end with an answer.
   */
  keepToolChoice?: boolean | undefined;
  /** How many tool rounds run by themselves after one user message; default 5. */
  maxToolRounds?: number | undefined;
  /** Stop continuing tool rounds once the replies since the last user message cost more than this (usage `cost`). */
  maxCost?: number | undefined;
  initialMessages?: ChatMessage[] | undefined;
  /** When to notify subscribers; default {@link frameScheduler}. Tests pass `syncScheduler`. */
  scheduler?: ChatScheduler | undefined;
  /** Called each time a reply finishes streaming normally (once per request, so once per tool round). */
  onFinish?: ((info: ChatFinishInfo) => void) | undefined;
  /** Called when a request fails (not when the user stops it), with the client's typed error. */
  onError?: ((error: unknown) => void) | undefined;
  /**
   * Called for a call whose tool has no `execute` (or that no tool declares). Return a value (or a
   * promise of one) to answer it; return `undefined` to answer later with `addToolResult`.
   */
  onToolCall?: ((info: ChatToolCallInfo) => unknown) | undefined;
  generateId?: (() => string) | undefined;
  /**
   * Called when the storage refuses to save the conversation (a full quota, blocked storage); the
   * conversation stays in memory and `state.storage.unsaved` says "not saved" until a save succeeds.
   */
  onStorageError?: ((error: ThreadSaveError, cause: unknown) => void) | undefined;
  /** Where to keep the conversation between visits, under `conversationId`. */
  persistence?: ChatPersistence | undefined;
  conversationId?: string | undefined;
}

/** A chat: its state (a read-only zustand store) and what a user can do with it. */
export interface ChatStore {
  getState(): ChatState;
  getInitialState(): ChatState;
  subscribe(listener: (state: ChatState, previous: ChatState) => void): () => void;
  /**
   * Calls `listener` only when the message `messageId` changes (or appears, or goes). A streamed
   * token calls the listeners of its own message and nobody else's, so per-row subscriptions cost
   * the same in a conversation of 10 messages or 10,000.
   */
  subscribeMessage(messageId: string, listener: () => void): () => void;
  /** Adds a user message and streams the reply (and any tool rounds). Waits behind a running request. */
  send(input: string | ChatPart[], options?: { role?: 'user' | undefined }): Promise<void>;
  /** Aborts the request and running tools; the partial reply stays, marked aborted. */
  stop(): void;
  /** Re-sends after a failure, reusing the failed reply's place. */
  retry(): Promise<void>;
  /** Replaces a reply (default: the last) with a new one; the old one stays as a branch. */
  regenerate(messageId?: string): Promise<void>;
  /** Replaces a user message and what followed it; the old version stays as a branch. */
  edit(messageId: string, content: string | ChatPart[]): Promise<void>;
  addToolResult(toolCallId: string, result: unknown): void;
  approveToolCall(toolCallId: string): void;
  denyToolCall(toolCallId: string, reason?: string): void;
  setMessages(messages: ChatMessage[]): void;
  /** Back to `initialMessages`. */
  reset(): void;
  switchBranch(messageId: string, index: number): void;
  /**
   * Deletes exactly one message of the visible conversation, keeping every other message and
   * alternative; with `turn`, the turn it starts: the message, the replies up to the next user
   * message, and those replies' own alternatives.
   */
  deleteMessage(messageId: string, options?: { turn?: boolean | undefined }): void;
  /** Which alternative `messageId` is, when it starts one. */
  getBranch(messageId: string): { index: number; count: number } | undefined;
  /**
   * Saves the conversation now, through `persistence` (the "Retry saving" of a "not saved"
   * notice); `state.storage.unsaved` is cleared when it succeeds. With `restore`, a conversation
   * deleted since (`unsaved.kind === 'deleted'`) is saved back, as the user asked to keep it.
   */
  save(options?: { restore?: boolean | undefined }): Promise<void>;
  /** Stops everything; later actions do nothing. */
  destroy(): void;
}
