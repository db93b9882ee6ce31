import { type ChatMessage, getMessageText } from '@parley/client/chat';

// Long enough to know what the reply is about; a screen reader user can read on in the log.
const ANNOUNCED_CHARACTERS = 200;

/** What a screen reader hears when a reply finishes: who, how it ended, and its opening words. */
export function announcementFor(message: ChatMessage): string {
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
      if (message.finishReason === 'content_filter') return `Reply stopped by the content filter: ${opening}`;
      return `Reply cut short: ${opening}`;
    case 'error':
      return 'The reply failed.';
    default:
      return '';
  }
}
