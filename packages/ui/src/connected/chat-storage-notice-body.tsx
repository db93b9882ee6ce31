/** @jsxImportSource ../jsx */
'use client';
/**
 * The body of `Chat.StorageNotice`, loaded when a save is first refused: the notice and the export,
 * which a chat whose saves succeed never needs.
 */
import {
  type ChatState,
  type ChatStore,
  exportThreadsJson,
  THREAD_VERSION,
  type Thread,
  type ThreadSaveError,
} from '@parley/client/chat';
import * as React from 'react';
import { StorageNoticeRoot } from '../storage-notice/storage-notice.tsx';
import { ChatRootContext } from './chat-root-context.ts';
import type { ChatStorageNoticeProps } from './chat-storage-notice.tsx';

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

export interface ChatStorageNoticeBodyProps extends Omit<ChatStorageNoticeProps, 'store'> {
  store: ChatStore;
  unsaved: ThreadSaveError | undefined;
}

export function ChatStorageNoticeBody({
  store,
  unsaved,
  onExport,
  onDismiss,
  ...props
}: ChatStorageNoticeBodyProps) {
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
