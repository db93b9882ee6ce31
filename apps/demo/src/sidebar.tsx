import { useThreads } from '@parley/react';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { preloadMessages } from './chat-pane.tsx';
import { IconButton } from './icon-button.tsx';
import { CloseIcon, NewChatIcon } from './icons.tsx';
import { onDemand, useOnDemand } from './on-demand.ts';

const conversationList = onDemand(() => import('./conversation-list.tsx'));

/**
 * The list once there is something in it. A first visit has no conversation: a line says so, and
 * the list (search, row menus) loads with the first one. Once shown it stays, so deleting the last
 * conversation still offers Undo.
 */
function Conversations({ activeId, onSelect }: { activeId: string; onSelect(id: string): void }) {
  const { threads, status } = useThreads();
  const [listed, setListed] = useState(false);
  const wanted = listed || threads.length > 0;
  const ConversationList = useOnDemand(conversationList, wanted);
  useEffect(() => {
    if (wanted) setListed(true);
  }, [wanted]);
  if (!wanted) {
    return status === 'loading' ? null : (
      <p data-slot="thread-list-empty" className="parley-thread-list-empty" role="status">
        No conversations yet.
      </p>
    );
  }
  // Reaching for a saved conversation (pointer, press, focus) fetches its rows' code before the click; the
  // list itself starts the markdown renderer's.
  return ConversationList ? (
    <ConversationList activeId={activeId} onSelect={onSelect} onOpenIntent={preloadMessages} />
  ) : null;
}

/**
 * The conversations. On a desktop a column; on a phone a drawer over the chat, with a close
 * button, Escape and a click beside it to close, focus moved in when it opens and given back to
 * the button that opened it when it closes.
 */
export function Sidebar({
  activeId,
  open,
  onClose,
  onSelect,
  onNewChat,
  returnFocusRef,
}: {
  activeId: string;
  open: boolean;
  onClose(): void;
  onSelect(id: string): void;
  onNewChat(): void;
  returnFocusRef: RefObject<HTMLButtonElement | null>;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  // Closing hides what has focus: it goes back to the button that opened the drawer.
  const close = () => {
    onClose();
    returnFocusRef.current?.focus();
  };
  return (
    <>
      <aside
        className="app-sidebar"
        id="conversations"
        aria-label="Conversations"
        onKeyDown={(event) => {
          // Escape inside a menu or the rename field is theirs; it reaches here only if unhandled.
          if (open && event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            close();
          }
        }}
      >
        <div className="app-sidebar-head">
          <span className="app-brand">Parley</span>
          <span className="app-spacer" />
          <IconButton label="New chat" tooltipAlign="end" onClick={onNewChat}>
            <NewChatIcon />
          </IconButton>
          <IconButton
            ref={closeRef}
            label="Close conversations"
            tooltipAlign="end"
            className="app-icon-button app-phone-only"
            onClick={close}
          >
            <CloseIcon />
          </IconButton>
        </div>
        <Conversations activeId={activeId} onSelect={onSelect} />
      </aside>
      {/* A click beside the open drawer closes it; the close button is the keyboard's way. */}
      <div className="app-scrim" aria-hidden="true" onClick={close} />
    </>
  );
}
