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

/** Who wrote a message, as a person reads it. */
export const ROLE_LABELS: Record<ChatMessage['role'], string> = {
  user: 'You',
  assistant: 'Assistant',
  system: 'System',
  developer: 'Developer',
  tool: 'Tool',
};
