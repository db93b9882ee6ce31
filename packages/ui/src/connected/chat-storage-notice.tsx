/** @jsxImportSource ../jsx */
'use client';
import type { ChatState, ChatStore } from '@parley/client/chat';
import { useChatSelector, useChatStore } from '@parley/react';
import * as React from 'react';
import type { StorageNoticeRootProps } from '../storage-notice/storage-notice.tsx';

export interface ChatStorageNoticeProps
  extends Omit<StorageNoticeRootProps, 'unsaved' | 'onRetry' | 'onRestore' | 'onExport'> {
  /** The chat whose storage to watch; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /**
   * Replaces the default export (a download of the conversation as a JSON thread export, which
   * `importThreadsJson` reads back with every branch).
   */
  onExport?: ((state: ChatState) => void) | undefined;
  /**
   * While something is not saved, ask the browser to confirm before the page is closed or reloaded
   * (its own "Leave site?" prompt), since a reload would bring back only the stored copy. Default true.
   */
  warnBeforeLeaving?: boolean | undefined;
}

const selectUnsaved = (state: ChatState) => state.storage?.unsaved;

// Most chats never see a refused save: the notice and the export load the first time one comes.
const ChatStorageNoticeBody = React.lazy(() =>
  import('./chat-storage-notice-body.tsx').then((module) => ({ default: module.ChatStorageNoticeBody })),
);

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
  warnBeforeLeaving = true,
  ...props
}: ChatStorageNoticeProps) {
  const store = useChatStore(storeProp);
  const unsaved = useChatSelector(selectUnsaved, store);
  useLeaveGuard(warnBeforeLeaving && unsaved !== undefined);
  // Mounted from the first refusal on, so that it can also say "Saved" once a save succeeds.
  const [needed, setNeeded] = React.useState(false);
  if (unsaved && !needed) setNeeded(true);
  if (!needed && !unsaved) return null;
  return (
    <React.Suspense fallback={null}>
      <ChatStorageNoticeBody {...props} store={store} unsaved={unsaved} />
    </React.Suspense>
  );
}

/**
 * Asks the browser to confirm leaving while `active`: what is only in this tab would be lost, and the
 * stored copy a reload brings back is older than what the person saw.
 */
function useLeaveGuard(active: boolean) {
  React.useEffect(() => {
    if (!active) return;
    const guard = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [active]);
}
