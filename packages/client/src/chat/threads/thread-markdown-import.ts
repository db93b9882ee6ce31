/**
 * Import of the Markdown that `thread-markdown.ts` writes: the marks say where each thread,
 * message, part and branch point begins and how many lines a part spans, so everything else
 * (headings, the "Other versions" section, notes) is for people and skipped. Markdown written by
 * the first version (no line counts, visible branch only) still reads: its text is every line
 * under a message. What comes back goes through the same validation and migration as stored
 * records. Never throws.
 */
import type { ChatBranch } from '../chat-state.ts';
import type { ChatPart } from '../chat-types.ts';
import { isRecord } from './migrate-thread.ts';
import type { Thread, ThreadIssue } from './thread-types.ts';
import { parseThread } from './validate-thread.ts';

// `s`: JSON keeps U+2028 and U+2029 as they are, and `.` would not match them (a name holding one lost its part).
const MARK = /^<!-- parley:(thread|message|part|reasoning|branch|versions)(?: (\{.*\}))? -->$/s;

interface Draft {
  head: Record<string, unknown>;
  /** Shown in the conversation (before "Other versions") or only kept. */
  visible: boolean;
  lines: string[];
}

interface Reading {
  head: Record<string, unknown>;
  messageIds: string[];
  messagesById: Record<string, unknown>;
  branches: Record<string, ChatBranch>;
  /** Written with line counts: lines outside a counted part are for people only. */
  counted: boolean;
  inVersions: boolean;
}

/** A message's lines as parts: counted spans where marked, else (older exports) every line as text. */
function toMessage(draft: Draft, counted: boolean): unknown {
  const parts: ChatPart[] = [];
  let reasoning: string | undefined;
  let loose: string[] = [];
  const flush = () => {
    const joined = loose.join('\n').trim();
    if (joined && !counted) parts.push({ type: 'text', text: joined });
    loose = [];
  };
  // The visible heading under the message mark.
  const lines = draft.lines.slice(/^#{1,6} /.test(draft.lines[0] ?? '') ? 1 : 0);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const found = MARK.exec(line);
    const value = found?.[2] ? (JSON.parse(found[2]) as Record<string, unknown>) : {};
    const count = typeof value.lines === 'number' ? value.lines : 1;
    const span = lines.slice(index + 1, index + 1 + count);
    // Blank lines at the end of a message are dropped before it is read; they were part of its text.
    while (span.length < count) span.push('');
    if (found?.[1] === 'part') {
      flush();
      index += count;
      const { lines: _, ...part } = value;
      // Checked with the rest of the message by parseThread.
      const read =
        part.type === 'text' && typeof part.text !== 'string' ? { ...part, text: span.join('\n') } : part;
      parts.push(read as unknown as ChatPart);
    } else if (found?.[1] === 'reasoning') {
      flush();
      let quoted = span;
      if (typeof value.lines === 'number') index += count;
      else {
        // Older exports: the quote runs as long as its lines do.
        quoted = [];
        while (lines[index + 1]?.startsWith('> ')) quoted.push(lines[++index] ?? '');
      }
      reasoning =
        typeof value.text === 'string' ? value.text : quoted.map((quote) => quote.slice(2)).join('\n');
    } else loose.push(line);
  }
  flush();
  if (reasoning === undefined) return { ...draft.head, parts };
  const kept = isRecord(draft.head.reasoning) ? draft.head.reasoning : { details: [] };
  return { ...draft.head, parts, reasoning: { ...kept, text: reasoning } };
}

function toBranches(value: Record<string, unknown>, into: Record<string, ChatBranch>): void {
  const { keys, ...branch } = value;
  if (!Array.isArray(keys)) return;
  for (const key of keys) if (typeof key === 'string') into[key] = branch as unknown as ChatBranch;
}

/**
 * Reads Markdown written by `exportThreadMarkdown` (one thread or several) back into threads, every
 * branch included. Messages that cannot be read are skipped and reported. Never throws.
 */
export function importThreadsMarkdown(text: string): { threads: Thread[]; issues: ThreadIssue[] } {
  const threads: Thread[] = [];
  const issues: ThreadIssue[] = [];
  let reading: Reading | undefined;
  let draft: Draft | undefined;
  const endMessage = () => {
    if (draft && reading) {
      const id = draft.head.id;
      try {
        if (typeof id === 'string') {
          if (draft.visible) reading.messageIds.push(id);
          reading.messagesById[id] = toMessage(draft, reading.counted);
        }
      } catch {
        issues.push({ path: 'markdown', message: `an unreadable part in message ${String(id)}` });
      }
    }
    draft = undefined;
  };
  const endThread = () => {
    endMessage();
    if (!reading) return;
    const { head, messageIds, messagesById, branches } = reading;
    const parsed = parseThread({ ...head, version: 2, messageIds, messagesById, branches }, String(head.id));
    issues.push(...parsed.issues);
    if (parsed.thread) threads.push(parsed.thread);
    reading = undefined;
  };
  const readJson = (json: string | undefined): Record<string, unknown> | undefined => {
    if (json === undefined) return {};
    try {
      const value: unknown = JSON.parse(json);
      return isRecord(value) ? value : undefined;
    } catch {
      issues.push({ path: 'markdown', message: `an unreadable marker: ${json.slice(0, 80)}` });
      return undefined;
    }
  };
  /** Lines of a counted part still to come: text, whatever it looks like (even a mark). */
  let pending = 0;
  for (const line of text.split(/\r?\n/)) {
    if (pending > 0) {
      pending -= 1;
      draft?.lines.push(line);
      continue;
    }
    const found = MARK.exec(line);
    const kind = found?.[1];
    if (kind === 'thread' || kind === 'message' || kind === 'branch' || kind === 'versions') {
      // The blank lines before the next mark are the export's spacing, not text. Only empty lines:
      // a line of spaces or tabs there is the end of a part's text (a part of one tab lost it).
      while (draft && draft.lines.at(-1) === '') draft.lines.pop();
      // The rule between two threads belongs to neither.
      if (kind === 'thread' && draft?.lines.at(-1) === '---') draft.lines.pop();
      endMessage();
      const value = readJson(found?.[2]);
      if (!value) continue;
      if (kind === 'thread') {
        endThread();
        if (typeof value.id !== 'string') continue;
        const counted = 'version' in value;
        // Exports of the first version named no clock for the title and pin: their time stands in.
        const head = counted ? value : { propertiesUpdatedAt: value.updatedAt, metadata: {}, ...value };
        reading = { head, messageIds: [], messagesById: {}, branches: {}, counted, inVersions: false };
      } else if (!reading) continue;
      else if (kind === 'message') draft = { head: value, visible: !reading.inVersions, lines: [] };
      else if (kind === 'versions') reading.inVersions = true;
      else toBranches(value, reading.branches);
    } else {
      if (draft && reading?.counted && (kind === 'part' || kind === 'reasoning'))
        pending = Math.max(0, Number(readJson(found?.[2])?.lines) || 0);
      draft?.lines.push(line);
    }
  }
  endThread();
  if (threads.length === 0 && issues.length === 0)
    issues.push({ path: 'markdown', message: 'no Parley thread in this Markdown' });
  return { threads, issues };
}
