import { type ChatMessage, getMessageText } from '@parley/client/chat';
import { isNotableFinish } from '../finish-notice/finish-reasons.ts';
import { messageFailure } from '../message/message-context.ts';

// Long enough to know what the reply is about; a screen reader user can read on in the log.
const ANNOUNCED_CHARACTERS = 200;

/**
 * Whether the reply announces its own ending: a failure is `Message.Error`'s or `Message.FinishNotice`'s
 * alert, a length cut or a content filter stop `Message.FinishNotice`'s status. Said by the list's
 * announcer as well, one ending would be heard twice.
 */
function announcedByReply(message: ChatMessage): boolean {
  if (messageFailure(message)) return true;
  return message.status === 'incomplete' && isNotableFinish(message.finishReason);
}

/**
 * What a screen reader hears when a reply finishes: who, how it ended, and its opening words.
 * Nothing when the reply's own notice announces its ending (a failure, a length cut, a filter stop).
 */
export function announcementFor(message: ChatMessage): string {
  if (announcedByReply(message)) return '';
  const text = getMessageText(message)
    // Markdown punctuation read aloud is noise; a link reads as its text.
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_`>|~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const opening = text.length > ANNOUNCED_CHARACTERS ? `${text.slice(0, ANNOUNCED_CHARACTERS)}…` : text;
  switch (message.status) {
    case 'complete':
      if (message.refusal && !opening) return `Assistant declined: ${message.refusal}`;
      if (message.toolCalls?.length && !opening) return 'Assistant is using tools.';
      return opening ? `Assistant replied: ${opening}` : 'Assistant replied.';
    case 'aborted':
      return 'Reply stopped.';
    case 'incomplete':
      // The connection ended without an error or a reason: no notice says so, this does.
      return `Reply cut short: ${opening}`;
    default:
      return '';
  }
}
