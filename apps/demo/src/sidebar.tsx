import { ThreadList } from '@parley/ui/connected';
import { type RefObject, useEffect, useRef } from 'react';
import { IconButton } from './icon-button.tsx';
import { CloseIcon, NewChatIcon } from './icons.tsx';

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
          <IconButton label="New chat" onClick={onNewChat}>
            <NewChatIcon />
          </IconButton>
          <IconButton
            ref={closeRef}
            label="Close conversations"
            className="app-icon-button app-phone-only"
            onClick={close}
          >
            <CloseIcon />
          </IconButton>
        </div>
        <ThreadList.Root activeId={activeId} onSelect={onSelect} />
      </aside>
      {/* A click beside the open drawer closes it; the close button is the keyboard's way. */}
      <div className="app-scrim" aria-hidden="true" onClick={close} />
    </>
  );
}
