'use client';
import {
  type ChatState,
  type ChatStore,
  exportThreadsJson,
  THREAD_VERSION,
  type Thread,
} from '@parley/client/chat';
import { useChatSelector, useChatStore } from '@parley/react';
import * as React from 'react';
import { StorageNoticeRoot, type StorageNoticeRootProps } from '../storage-notice/storage-notice.tsx';
import { ChatRootContext } from './chat-root-context.ts';

export interface ChatStorageNoticeProps
  extends Omit<StorageNoticeRootProps, 'unsaved' | 'onRetry' | 'onRestore' | 'onExport'> {
  /** The chat whose storage to watch; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /**
   * Replaces the default export (a download of the conversation as a JSON thread export, which
   * `importThreadsJson` reads back with every branch).
   */
  onExport?: ((state: ChatState) => void) | undefined;
}

const selectUnsaved = (state: ChatState) => state.storage?.unsaved;

/** The conversation as a thread: what a thread store would keep, so an import restores it whole. */
function toThread(state: ChatState, id: string, at: number): Thread {
  const times = Object.values(state.messagesById).map((message) => message.createdAt);
  const thread: Thread = {
    version: THREAD_VERSION,
    id,
    title: '',
    createdAt: Math.min(at, ...times),
    updatedAt: at,
    pinned: false,
    metadata: {},
    propertiesUpdatedAt: 0,
    messageIds: state.messageIds,
    messagesById: state.messagesById,
    branches: state.branches,
    deletedIds: [],
  };
  if (state.usage) thread.usage = state.usage;
  return thread;
}

// Long enough for the browser to have started the download; the URL only holds memory.
const REVOKE_AFTER_MS = 60_000;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * Says when the conversation is not saved (`state.storage.unsaved`: a full quota, blocked storage,
 * deleted in another tab), with Retry saving (`store.save()`), Save it again for a deleted one
 * (`store.save({ restore: true })`) and Export to file. Announced when it appears, and "Saved" once
 * a save succeeds. Inside `Chat.Root`, its actions return focus to the draft.
 *
 * @example
 * <Chat.Root options={{ client, persistence: threads.persistence, conversationId: id }}>
 *   <Chat.Messages />
 *   <Chat.StorageNotice />
 *   <Chat.Composer />
 * </Chat.Root>
 */
export function ChatStorageNotice({
  store: storeProp,
  onExport,
  onDismiss,
  ...props
}: ChatStorageNoticeProps) {
  const store = useChatStore(storeProp);
  const unsaved = useChatSelector(selectUnsaved, store);
  const root = React.useContext(ChatRootContext);
  // The buttons disappear once the save succeeds; the draft is where a keyboard user continues.
  const toDraft = () => root?.draftRef.current?.focus();
  return (
    <StorageNoticeRoot
      {...props}
      unsaved={unsaved}
      onRetry={() => {
        void store.save().then(toDraft);
      }}
      onRestore={() => {
        void store.save({ restore: true }).then(toDraft);
      }}
      onExport={() => {
        const state = store.getState();
        if (onExport) return onExport(state);
        const at = Date.now();
        const day = new Date(at).toISOString().slice(0, 10);
        download(
          `conversation-${day}.json`,
          exportThreadsJson(toThread(state, root?.conversationId ?? `exported-${at}`, at), at),
        );
      }}
      onDismiss={() => {
        onDismiss?.();
        toDraft();
      }}
    />
  );
}
