/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage, ChatPart } from '@parley/client/chat';
import * as React from 'react';
import { CopyButton } from '../markdown/copy-button.tsx';

interface BoundaryProps {
  children: React.ReactNode;
  /** What to show instead of `children` once they have thrown. */
  fallback: (error: unknown) => React.ReactNode;
  /** A new value (the next streamed version of the part, say) tries `children` again. */
  resetKey: unknown;
}

// React catches render errors only in a class component; this one is as small as that allows.
class Boundary extends React.Component<
  BoundaryProps,
  { error: unknown; failed: boolean; resetKey: unknown }
> {
  override state = { error: undefined as unknown, failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { resetKey: unknown; failed: boolean }) {
    return props.resetKey === state.resetKey
      ? null
      : { error: undefined, failed: false, resetKey: props.resetKey };
  }

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** The readable text of a part, for showing it when its renderer fails. */
function partText(part: ChatPart): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'image':
      return part.alt ?? part.url;
    case 'audio':
    case 'video':
      return part.name ?? `(${part.type})`;
  }
}

/** The readable text of a message: its text parts, in order. */
function messageText(message: ChatMessage): string {
  const parts: unknown = message.parts;
  if (!Array.isArray(parts)) return '';
  return parts
    .map((part: ChatPart) =>
      part && typeof part === 'object' && part.type === 'text' ? String(part.text) : '',
    )
    .filter((text) => text !== '')
    .join('\n\n');
}

export interface PartBoundaryProps {
  part: ChatPart;
  children: React.ReactNode;
}

/**
 * Renders a content part, and if its renderer throws (hostile markdown, a bug, a custom renderer),
 * shows the part's text as plain text with a notice instead: one part never takes down its message
 * or the conversation. A streaming part tries again with its next token.
 */
export function PartBoundary({ part, children }: PartBoundaryProps) {
  return (
    <Boundary
      resetKey={part}
      fallback={() => (
        <div data-slot="part-fallback">
          <p data-slot="part-fallback-notice">This part could not be displayed. Here is its text as sent.</p>
          {/* React escapes the text: it is shown, never interpreted. */}
          <pre data-slot="part-fallback-text">{partText(part)}</pre>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}

export interface MessageBoundaryProps {
  message: ChatMessage;
  /** Offered in the fallback, so a message that cannot be displayed can still be removed. */
  onDelete?: ((messageId: string) => void) | undefined;
  children: React.ReactNode;
}

/**
 * Renders a message, and if it throws (a saved message in a shape the view cannot handle, say),
 * shows its text as plain text with a notice and the actions that still make sense: Copy and
 * Delete. The rest of the conversation keeps rendering, and a reload does not crash again.
 */
export function MessageBoundary({ message, onDelete, children }: MessageBoundaryProps) {
  return (
    <Boundary
      resetKey={message}
      fallback={() => {
        const text = messageText(message);
        return (
          <article
            data-slot="message-fallback"
            data-role={String(message.role)}
            aria-label="Message that could not be displayed"
          >
            <p data-slot="message-fallback-notice">
              This message could not be displayed. Here is its text as sent.
            </p>
            <pre data-slot="message-fallback-text">{text}</pre>
            <div data-slot="message-fallback-actions">
              {text === '' ? null : <CopyButton value={text} label="Copy message" />}
              {onDelete ? (
                <button
                  type="button"
                  data-slot="message-fallback-delete"
                  onClick={() => onDelete(message.id)}
                >
                  Delete message
                </button>
              ) : null}
            </div>
          </article>
        );
      }}
    >
      {children}
    </Boundary>
  );
}
