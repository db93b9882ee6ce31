/** @jsxImportSource ../jsx */
'use client';
import { Dialog, VisuallyHidden } from 'radix-ui';
import type * as React from 'react';

export interface ImageDialogProps {
  src: string;
  alt: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The thumbnail's button: focus goes back to it when the dialog closes. */
  triggerRef: React.RefObject<HTMLButtonElement | null>;
}

/** The larger view of an image part: a modal dialog with the image and Close (loaded on first open). */
export function ImageDialog({ src, alt, open, onOpenChange, triggerRef }: ImageDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay data-slot="image-dialog-overlay" />
        <Dialog.Content
          data-slot="image-dialog"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            triggerRef.current?.focus();
          }}
        >
          <VisuallyHidden.Root>
            <Dialog.Title>{alt || 'Image'}</Dialog.Title>
          </VisuallyHidden.Root>
          <img data-slot="image-dialog-image" src={src} alt={alt} referrerPolicy="no-referrer" />
          <Dialog.Close data-slot="image-dialog-close">Close</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
