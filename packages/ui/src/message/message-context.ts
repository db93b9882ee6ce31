'use client';
import type { ChatMessage } from '@parley/client/chat';
import * as React from 'react';

export interface MessageContextValue {
  message: ChatMessage;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  /** The Edit button, so focus can go back to it when editing ends. */
  editTriggerRef: React.RefObject<HTMLButtonElement | null>;
}

export const MessageContext = React.createContext<MessageContextValue | null>(null);

export function useMessageContext(part: string): MessageContextValue {
  const context = React.useContext(MessageContext);
  if (!context) throw new Error(`<Message.${part}> must be inside <Message.Root>.`);
  return context;
}

/** The plain text of a message's text parts, as copied to the clipboard and edited. */
export function messageText(message: ChatMessage): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n\n');
}

/** Who wrote a message, as a person reads it. */
export const ROLE_LABELS: Record<ChatMessage['role'], string> = {
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
  developer: 'Developer',
  tool: 'Tool',
};
