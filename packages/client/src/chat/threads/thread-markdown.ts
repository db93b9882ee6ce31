/**
 * Export as Markdown: a transcript people can read, which reads back to the same thread as the
 * JSON export (every branch included), minus inline bytes (audio, data URLs), which are referenced
 * by name instead of embedded.
 *
 * The layout, for a reader:
 * - `# Title`, then the conversation as it is shown: a `### Role` heading per message, its text,
 *   reasoning as a quote, attachments as links or `*[audio: name]*` references.
 * - `## Other versions`, when the thread has branches (regenerated replies, edited messages): each
 *   branch point in turn, its alternatives' messages under `### Role · version 1 of 3` headings.
 *
 * For the importer, HTML comments that renderers hide carry what the text does not show: the thread
 * (`parley:thread`: times, pin, metadata, usage), each message without its text (`parley:message`:
 * id, role, status, tool calls, usage...), each part with the number of lines it spans
 * (`parley:part`, `parley:reasoning`), so any text (even one that looks like a mark) reads back
 * exactly, and each branch point (`parley:branch`: its alternatives' ids).
 */
import type { ChatBranch } from '../chat-state.ts';
import type { ChatMessage, ChatPart } from '../chat-types.ts';
import type { Thread } from './thread-types.ts';

const ROLE_NAMES: Record<ChatMessage['role'], string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};

/** JSON for a comment: `--` cannot appear inside an HTML comment (JSON already escapes newlines). */
function mark(kind: string, value?: object): string {
  const json = value === undefined ? '' : ` ${JSON.stringify(value).replaceAll('--', '\\u002d\\u002d')}`;
  return `<!-- parley:${kind}${json} -->`;
}

/** The lines a text spans, and the exact text when lines would not give it back (a carriage return). */
function spanned(text: string): { lines: number; text?: string } {
  return text.includes('\r') ? { lines: text.split('\n').length, text } : { lines: text.split('\n').length };
}

/**
 * What people read beside the marks (headings, references, notes) stays on one line, so that no
 * name or title can break a line that looks like a mark.
 */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function attachment(part: Exclude<ChatPart, { type: 'text' }>): string {
  return oneLine(reference(part));
}

function reference(part: Exclude<ChatPart, { type: 'text' }>): string {
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

/** A part as the mark keeps it: the reference, not inline bytes. */
function withoutInlineData(part: ChatPart): ChatPart {
  if (part.type === 'audio') return { ...part, data: '' };
  if (part.type !== 'text' && part.url.startsWith('data:')) return { ...part, url: '' };
  return part;
}

function writeMessage(message: ChatMessage, heading: string): string {
  const { parts, reasoning, ...head } = message;
  const lines = [
    mark('message', reasoning ? { ...head, reasoning: { ...reasoning, text: undefined } } : head),
    oneLine(`### ${ROLE_NAMES[message.role]}${message.model ? ` · ${message.model}` : ''}${heading}`),
    '',
  ];
  if (reasoning) {
    const quoted = reasoning.text.split('\n').map((line) => `> ${line}`);
    lines.push(mark('reasoning', spanned(reasoning.text)), ...quoted, '');
  }
  for (const call of message.toolCalls ?? []) lines.push(oneLine(`*Called \`${call.name}\`*`), '');
  for (const part of parts) {
    if (part.type === 'text')
      lines.push(mark('part', { type: 'text', ...spanned(part.text) }), part.text, '');
    else lines.push(mark('part', { ...withoutInlineData(part), lines: 1 }), attachment(part), '');
  }
  return lines.join('\n');
}

/** Each branch point once (the same record sits under every alternative's first id), with its keys. */
function branchPoints(branches: Record<string, ChatBranch>): { keys: string[]; branch: ChatBranch }[] {
  const points = new Map<string, { keys: string[]; branch: ChatBranch }>();
  for (const [key, branch] of Object.entries(branches)) {
    const same = JSON.stringify(branch);
    const point = points.get(same) ?? { keys: [], branch };
    point.keys.push(key);
    points.set(same, point);
  }
  return [...points.values()];
}

/** The messages the conversation does not show, under their branch points. */
function otherVersions(thread: Thread): string[] {
  const written = new Set(thread.messageIds);
  const sections: string[] = [];
  const write = (id: string, heading: string) => {
    const message = thread.messagesById[id];
    if (!message || written.has(id)) return;
    written.add(id);
    sections.push(writeMessage(message, heading));
  };
  for (const { keys, branch } of branchPoints(thread.branches)) {
    const count = branch.ids.length;
    const shownAt = thread.messageIds.indexOf(branch.ids[branch.active]?.[0] ?? '');
    const where =
      shownAt === -1
        ? `${count} versions of a message in another version`
        : `${count} versions of message ${shownAt + 1}; version ${branch.active + 1} is the one shown above`;
    sections.push([mark('branch', { keys, ...branch }), `${where}.`, ''].join('\n'));
    branch.ids.forEach((ids, index) => {
      for (const [position, id] of ids.entries())
        write(id, position === 0 ? ` · version ${index + 1} of ${count}` : '');
    });
  }
  const rest = Object.keys(thread.messagesById).filter((id) => !written.has(id));
  if (rest.length > 0) sections.push([mark('branch'), 'Messages of no version:', ''].join('\n'));
  for (const id of rest) write(id, '');
  return sections.length === 0 ? [] : [mark('versions'), '## Other versions', '', ...sections];
}

/** A thread as Markdown: the conversation as shown, then every other version (see the module comment). */
export function exportThreadMarkdown(thread: Thread): string {
  const { messageIds: _, messagesById: __, branches: ___, ...head } = thread;
  // The mark comes first, so a reader of several threads knows where one ends before its heading.
  const header = [mark('thread', head), '', oneLine(`# ${thread.title || 'Conversation'}`), ''];
  const messages = thread.messageIds.flatMap((id) => {
    const message = thread.messagesById[id];
    return message ? [writeMessage(message, '')] : [];
  });
  // Only the blank lines at the end go: a last line's own spaces are text.
  return `${[...header, ...messages, ...otherVersions(thread)].join('\n').replace(/\n+$/, '')}\n`;
}

/** Several threads in one document, separated by rules. */
export function exportThreadsMarkdown(threads: readonly Thread[]): string {
  return threads.map(exportThreadMarkdown).join('\n---\n\n');
}
