/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage } from '@parley/client/chat';
import type * as React from 'react';
import { SparkleIcon, ToolIcon } from '../icons.tsx';
import { ROLE_LABELS } from './message-context.ts';

// What a message's header and role mark show, written once for `Message.Root`'s parts and for the
// conversation's preview (connected/conversation-preview.tsx), which draws the same rows before the
// message row's code has loaded.

/** The article's name: "Your message", "Assistant message"... */
export const messageLabel = (message: ChatMessage) =>
  message.role === 'user' ? 'Your message' : `${ROLE_LABELS[message.role]} message`;

/** Who wrote the message: its name, else its role ("You", "Assistant", "Tool"...). */
export const authorOf = (message: ChatMessage) => message.name ?? ROLE_LABELS[message.role];

// Made once: every row shows the same elements.
const SPARK = SparkleIcon();
const WRENCH = ToolIcon();

/** The role mark: the assistant's spark, a tool's wrench, nothing for you. */
export function roleMark(role: ChatMessage['role']): React.ReactNode {
  return role === 'tool' ? WRENCH : role === 'user' ? null : SPARK;
}

/**
 * Which model answered and which provider served it; when fallbacks were used (`models[]` or
 * provider fallbacks, as `message.route` names them), the attempts that failed first. Nothing
 * when unknown.
 */
export function MessageMetaOf({
  message,
  ...props
}: React.ComponentProps<'span'> & { message: ChatMessage }) {
  if (!message.model && !message.provider) return null;
  const failed = (message.route ?? []).slice(0, -1);
  return (
    <span data-slot="message-meta" {...props}>
      {message.model ? <span data-slot="message-model">{message.model}</span> : null}
      {message.model && message.provider ? ' via ' : null}
      {message.provider ? <span data-slot="message-provider">{message.provider}</span> : null}
      {failed.length > 0 ? (
        <span data-slot="message-route">
          {' '}
          (after{' '}
          {failed
            .map((attempt) => `${attempt.model} via ${attempt.provider} failed (${attempt.status})`)
            .join(', ')}
          )
        </span>
      ) : null}
    </span>
  );
}
