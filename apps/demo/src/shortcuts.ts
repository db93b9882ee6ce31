import { useEffect } from 'react';

/** The app's keyboard shortcuts, listed in the help dialog from this one table. */
export const SHORTCUTS = [
  { keys: 'Ctrl + Shift + O', action: 'New chat' },
  { keys: 'Shift + Escape', action: 'Focus the message box' },
  { keys: 'Escape (while a reply streams)', action: 'Stop the reply' },
  { keys: 'Ctrl + /', action: 'Show these shortcuts' },
] as const;

/** Stop is the composer's send control while a reply streams (`data-state="stop"`). */
const stopReply = () =>
  document
    .querySelector<HTMLButtonElement>(
      '[data-slot="chat"] button[data-slot="composer-send"][data-state="stop"]',
    )
    ?.click();

/** Listens on the document; a shortcut inside an open dialog is left to the dialog. */
export function useShortcuts({ newChat, help }: { newChat(): void; help(): void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        newChat();
      } else if (event.shiftKey && event.key === 'Escape') {
        event.preventDefault();
        document.querySelector<HTMLTextAreaElement>('[data-slot="chat"] textarea')?.focus();
      } else if (event.key === 'Escape') {
        stopReply();
      } else if (mod && event.key === '/') {
        event.preventDefault();
        help();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [newChat, help]);
}
