/**
 * Export and import as Markdown: a transcript people can read (a heading per message, attachments
 * as links), with each message's identity in an HTML comment that renderers hide, so importing it
 * gives the same conversation back: title, order, roles, text, reasoning text and attachments by
 * URL. Inline data (audio, data URLs) is referenced by name, not embedded, and inactive branches
 * are not written: JSON is the lossless format.
 */
import type { ChatMessage, ChatPart } from '../chat-types.ts';
import { THREAD_VERSION, type Thread, type ThreadIssue } from './thread-types.ts';
import { parseMessage } from './validate-thread.ts';

const THREAD_MARK = /^<!-- parley:thread (\{.*\}) -->$/;
const MESSAGE_MARK = /^<!-- parley:message (\{.*\}) -->$/;
const PART_MARK = /^<!-- parley:part (\{.*\}) -->$/;
const ROLE_NAMES: Record<ChatMessage['role'], string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

/** JSON for a comment: `--` cannot appear inside an HTML comment. */
function mark(kind: string, value: object): string {
  return `<!-- parley:${kind} ${JSON.stringify(value).replaceAll('--', '\\u002d\\u002d')} -->`;
}

function attachment(part: Exclude<ChatPart, { type: 'text' }>): string {
  const inline = 'url' in part && part.url.startsWith('data:');
  switch (part.type) {
    case 'image':
      return inline
        ? `*[image: ${part.alt ?? 'attached image'}]*`
        : `![${part.alt ?? 'image'}](<${part.url}>)`;
    case 'video':
      return inline
        ? `*[video: ${part.name ?? 'attached video'}]*`
        : `[video: ${part.name ?? part.url}](<${part.url}>)`;
    case 'audio':
      return `*[audio: ${part.name ?? `recording.${part.format}`}]*`;
  }
}

function partMark(part: Exclude<ChatPart, { type: 'text' }>): object {
  // The reference is kept; inline bytes are not.
  if (part.type === 'audio') return { ...part, data: '' };
  if (part.url.startsWith('data:')) return { ...part, url: '' };
  return part;
}

function writeMessage(message: ChatMessage): string {
  const lines = [
    mark('message', {
      id: message.id,
      role: message.role,
      createdAt: message.createdAt,
      status: message.status,
      ...(message.model ? { model: message.model } : {}),
    }),
  ];
  lines.push(`### ${ROLE_NAMES[message.role]}${message.model ? ` · ${message.model}` : ''}`, '');
  if (message.reasoning?.text) {
    lines.push(mark('reasoning', {}), ...message.reasoning.text.split('\n').map((line) => `> ${line}`), '');
  }
  for (const part of message.parts) {
    if (part.type === 'text') lines.push(part.text, '');
    else lines.push(mark('part', partMark(part)), attachment(part), '');
  }
  return lines.join('\n');
}

/** A thread's visible conversation as Markdown. */
export function exportThreadMarkdown(thread: Thread): string {
  // The mark comes first, so a reader of several threads knows where one ends before its heading.
  const header = [
    mark('thread', {
      id: thread.id,
      title: thread.title,
      createdAt: thread.createdAt,
      updatedAt: thread.updatedAt,
      pinned: thread.pinned,
    }),
    '',
    `# ${thread.title || 'Conversation'}`,
    '',
  ];
  const messages = thread.messageIds.flatMap((id) => {
    const message = thread.messagesById[id];
    return message ? [writeMessage(message)] : [];
  });
  return `${[...header, ...messages].join('\n').trimEnd()}\n`;
}

/** Several threads in one document, separated by rules. */
export function exportThreadsMarkdown(threads: readonly Thread[]): string {
  return threads.map(exportThreadMarkdown).join('\n---\n\n');
}

interface MessageDraft {
  head: Record<string, unknown>;
  lines: string[];
}

function toMessage(draft: MessageDraft): unknown {
  const parts: ChatPart[] = [];
  const reasoning: string[] = [];
  let text: string[] = [];
  const flush = () => {
    const joined = text.join('\n').trim();
    if (joined) parts.push({ type: 'text', text: joined });
    text = [];
  };
  // Skip the visible heading under the message mark.
  const lines = draft.lines.slice(draft.lines[0]?.startsWith('### ') ? 1 : 0);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const part = PART_MARK.exec(line);
    if (part?.[1]) {
      flush();
      parts.push(JSON.parse(part[1]) as ChatPart);
      index += 1; // the visible reference that follows
    } else if (line === mark('reasoning', {})) {
      while (lines[index + 1]?.startsWith('> ')) reasoning.push((lines[++index] ?? '').slice(2));
    } else text.push(line);
  }
  flush();
  return {
    ...draft.head,
    parts,
    ...(reasoning.length > 0 ? { reasoning: { text: reasoning.join('\n'), details: [] } } : {}),
  };
}

/**
 * Reads Markdown written by {@link exportThreadMarkdown} (one thread or several) back into threads.
 * Messages that cannot be read are skipped and reported. Never throws.
 */
export function importThreadsMarkdown(text: string): { threads: Thread[]; issues: ThreadIssue[] } {
  const threads: Thread[] = [];
  const issues: ThreadIssue[] = [];
  let thread: Thread | undefined;
  let draft: MessageDraft | undefined;
  const endMessage = () => {
    if (!draft || !thread) return;
    const parsed = parseMessage(toMessage(draft));
    if ('error' in parsed) issues.push({ threadId: thread.id, path: 'message', message: parsed.error });
    else {
      thread.messageIds.push(parsed.message.id);
      thread.messagesById[parsed.message.id] = parsed.message;
    }
    draft = undefined;
  };
  const readJson = (json: string | undefined): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(json ?? '');
      return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    } catch {
      issues.push({ path: 'markdown', message: `an unreadable marker: ${json?.slice(0, 80)}` });
      return undefined;
    }
  };
  for (const line of text.split(/\r?\n/)) {
    const threadMark = THREAD_MARK.exec(line);
    const messageMark = MESSAGE_MARK.exec(line);
    if (threadMark) {
      // The rule between two threads belongs to neither.
      while (draft && draft.lines.at(-1)?.trim() === '') draft.lines.pop();
      if (draft?.lines.at(-1) === '---') draft.lines.pop();
      endMessage();
      const head = readJson(threadMark[1]);
      if (!head || typeof head.id !== 'string') continue;
      thread = {
        version: THREAD_VERSION,
        id: head.id,
        title: typeof head.title === 'string' ? head.title : '',
        createdAt: Number(head.createdAt) || 0,
        updatedAt: Number(head.updatedAt) || 0,
        pinned: head.pinned === true,
        metadata: {},
        propertiesUpdatedAt: Number(head.updatedAt) || 0,
        messageIds: [],
        messagesById: {},
        branches: {},
        deletedIds: [],
      };
      threads.push(thread);
    } else if (messageMark) {
      endMessage();
      const head = readJson(messageMark[1]);
      if (head) draft = { head, lines: [] };
    } else draft?.lines.push(line);
  }
  endMessage();
  if (threads.length === 0) issues.push({ path: 'markdown', message: 'no Parley thread in this Markdown' });
  return { threads, issues };
}
