/** @jsxImportSource ../jsx */
'use client';
import type { ChatPart, ChatStore } from '@parley/client/chat';
import { useChatBranch, useChatMessage, useChatMessageIds, useChatStore } from '@parley/react';
import * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import * as MessageList from '../message-list/index.ts';
import { MessageBoundary } from '../render-boundary/render-boundary.tsx';
import type { ToolCallRenderers } from '../tool-call/tool-call.tsx';
import { ChatRootContext } from './chat-root-context.ts';
import {
  ConversationPreview,
  useConversationPreview,
  usePreloadOnMessages,
} from './conversation-preview.tsx';
import { LazyMessageRoot, LazyViewport } from './lazy-message.tsx';

/** Which message actions `Chat.Messages` offers; all on by default. */
export interface ChatMessagesActions {
  regenerate?: boolean;
  edit?: boolean;
  delete?: boolean;
}

export interface ChatMessagesProps extends Omit<MessageList.MessageListRootProps, 'children'> {
  /** The chat to show; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /** Content-part renderers by part type, merged over the defaults. Keep the object stable. */
  components?: Partial<ContentPartComponents> | undefined;
  /** Tool-call renderers by tool name. Keep the object stable. */
  toolRenderers?: ToolCallRenderers | undefined;
  actions?: ChatMessagesActions | undefined;
  /** A guess of a row's height before it is measured, in pixels. */
  estimateSize?: number | undefined;
}

interface RowSettings {
  store: ChatStore;
  components: Partial<ContentPartComponents> | undefined;
  toolRenderers: ToolCallRenderers | undefined;
  onRegenerate: ((messageId: string) => void) | undefined;
  onEdit: ((messageId: string, parts: ChatPart[]) => void) | undefined;
  onDelete: ((messageId: string) => void) | undefined;
  onSwitchBranch: (messageId: string, index: number) => void;
  onApproveToolCall: (toolCallId: string) => void;
  onDenyToolCall: (toolCallId: string) => void;
  onRetry: () => void;
  onContinue: (messageId: string) => void;
  onRephrase: (messageId: string) => void;
}

// What Continue sends after a reply cut by its length limit; the model picks up where it stopped.
const CONTINUE_PROMPT = 'Continue from where you stopped.';

/** The text of the user message the reply `messageId` answers. */
function promptOf(store: ChatStore, messageId: string): string {
  const { messageIds, messagesById } = store.getState();
  for (let index = messageIds.indexOf(messageId) - 1; index >= 0; index--) {
    const message = messagesById[messageIds[index] ?? ''];
    if (message?.role === 'user') {
      return message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
    }
  }
  return '';
}

// Regenerate, Retry and Delete remove the button that was pressed (the actions hide while a reply
// streams; a deleted row goes): focus moves to the conversation rather than the top of the page.
function keepFocusInConversation() {
  document.activeElement?.closest<HTMLElement>('[role="log"]')?.focus();
}

// Each row subscribes to its own message and is memoised on its id and the (stable) settings: a
// streamed token re-renders the streaming row only, never its neighbours or the list.
const ChatMessageRow = React.memo(function ChatMessageRow({
  id,
  settings,
}: {
  id: string;
  settings: RowSettings;
}) {
  const { store, ...rest } = settings;
  const message = useChatMessage(id, store);
  const branch = useChatBranch(id, store);
  if (!message) return null;
  return (
    <MessageBoundary message={message} onDelete={rest.onDelete}>
      <LazyMessageRoot message={message} branch={branch} {...rest} />
    </MessageBoundary>
  );
});

// Subscribes to the last message alone, so that its tokens re-render this and not the list.
function LastMessageWatcher({
  store,
  lastId,
  apiRef,
}: {
  store: ChatStore;
  lastId: string;
  apiRef: React.RefObject<MessageList.MessageListApi | null>;
}) {
  const message = useChatMessage(lastId, store);
  // A message the person just sent is followed even if they had scrolled up to read.
  const sentId = message?.role === 'user' ? message.id : undefined;
  React.useEffect(() => {
    if (sentId !== undefined) apiRef.current?.scrollToLatest();
  }, [sentId, apiRef]);
  return <MessageList.Announcer message={message} />;
}

/**
 * A chat's messages, wired to its store: the virtualised list follows the message ids, each
 * memoised row follows its own message, and the actions (regenerate, edit, delete, versions, tool
 * approval, retry) call the store.
 *
 * @example
 * <Chat.Root options={{ baseURL: '/api/v1', model: 'parley/echo' }}>
 *   <Chat.Messages actions={{ delete: false }} />
 *   <Chat.Composer />
 * </Chat.Root>
 */
export function ChatMessages({
  store: storeProp,
  components,
  toolRenderers,
  actions,
  estimateSize,
  apiRef: apiRefProp,
  ...props
}: ChatMessagesProps) {
  const store = useChatStore(storeProp);
  const root = React.useContext(ChatRootContext);
  const ids = useChatMessageIds(store);
  const apiRef = React.useRef<MessageList.MessageListApi>(null);
  React.useImperativeHandle(
    apiRefProp,
    () => ({ scrollToLatest: () => apiRef.current?.scrollToLatest() }),
    [],
  );
  const { regenerate = true, edit = true, delete: canDelete = true } = actions ?? {};
  const settings = React.useMemo<RowSettings>(
    () => ({
      store,
      components,
      toolRenderers,
      onRegenerate: regenerate
        ? (messageId) => {
            keepFocusInConversation();
            void store.regenerate(messageId);
          }
        : undefined,
      onEdit: edit ? (messageId, parts) => void store.edit(messageId, parts) : undefined,
      onDelete: canDelete
        ? (messageId) => {
            keepFocusInConversation();
            // Exactly this message: the alternatives of other replies stay (setMessages would drop them).
            store.deleteMessage(messageId);
          }
        : undefined,
      onSwitchBranch: (messageId, index) => store.switchBranch(messageId, index),
      onApproveToolCall: (toolCallId) => store.approveToolCall(toolCallId),
      onDenyToolCall: (toolCallId) => store.denyToolCall(toolCallId),
      onRetry: () => {
        // Inside Chat.Root the person continues in the draft; elsewhere, in the conversation.
        if (root) root.draftRef.current?.focus();
        else keepFocusInConversation();
        void store.retry();
      },
      onContinue: () => {
        keepFocusInConversation();
        void store.send(CONTINUE_PROMPT);
      },
      onRephrase: (messageId) => root?.composerRef.current?.setDraft(promptOf(store, messageId)),
      onChangeKey: root?.onChangeKey,
    }),
    [store, components, toolRenderers, regenerate, edit, canDelete, root],
  );
  const renderMessage = React.useCallback(
    (id: string) => <ChatMessageRow id={id} settings={settings} />,
    [settings],
  );
  const lastId = ids.at(-1);
  // What rows render with is not part of the first paint (see lazy-message.tsx): a conversation with
  // messages starts loading the list, the row and the markdown renderer in its first render, not after
  // the list has committed and measured.
  usePreloadOnMessages(store);
  // A saved conversation, each time it opens: its text first, the full rows at the next idle moment.
  const preview = useConversationPreview(store, ids);
  return (
    <MessageList.Root apiRef={apiRef} {...props}>
      <LazyViewport
        ids={ids}
        renderMessage={renderMessage}
        estimateSize={estimateSize}
        preview={
          preview?.length ? <ConversationPreview messages={preview} components={components} /> : undefined
        }
      />
      <MessageList.JumpToLatest />
      {lastId !== undefined ? <LastMessageWatcher store={store} lastId={lastId} apiRef={apiRef} /> : null}
    </MessageList.Root>
  );
}
