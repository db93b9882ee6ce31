import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { CloseIcon } from './icons.tsx';

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: focus trap, Escape and the top layer come from the browser, so
 * the demo needs no dialog library for its settings, connection and help screens.
 */
export function Dialog({ open, onOpenChange, title, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect: the screen's own effects (which may focus its first field) run after it, on
  // an open dialog.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const titleId = `${title.replace(/\W+/g, '-').toLowerCase()}-title`;
  return (
    <dialog ref={ref} className="app-dialog" aria-labelledby={titleId} onClose={() => onOpenChange(false)}>
      {open && (
        <>
          <div className="app-dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="app-icon-button"
              aria-label="Close"
              onClick={() => onOpenChange(false)}
            >
              <CloseIcon />
            </button>
          </div>
          <div className="app-dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
