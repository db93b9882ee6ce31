import { type DragEvent, useRef, useState } from 'react';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * Files dropped anywhere on the chat (not only on the message box) become attachments, as in
 * ChatGPT and Claude.ai: the drop is handed to the composer, which checks and previews them.
 * `dragging` is true while files are over the chat, for a visible drop target.
 */
export function useDropAnywhere() {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const composerOf = (element: HTMLElement) =>
    element.querySelector<HTMLFormElement>('form[data-slot="composer"]');
  const handlers = {
    onDragEnter(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      depth.current += 1;
      setDragging(true);
    },
    onDragLeave(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop(event: DragEvent<HTMLElement>) {
      depth.current = 0;
      setDragging(false);
      const composer = composerOf(event.currentTarget);
      // A drop on the composer is its own; elsewhere it is passed on with the same files.
      if (!composer || composer.contains(event.target as Node) || !hasFiles(event)) return;
      event.preventDefault();
      composer.dispatchEvent(
        new globalThis.DragEvent('drop', {
          bubbles: true,
          cancelable: true,
          dataTransfer: event.dataTransfer,
        }),
      );
    },
  };
  return { dragging, handlers };
}
