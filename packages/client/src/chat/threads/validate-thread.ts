/**
 * Reading a stored thread without trusting it. Every message is checked on its own: one that
 * cannot be shown is skipped and reported as a {@link ThreadIssue}, and the rest of the thread
 * loads. Nothing here throws. Unknown fields are kept (a newer version's additions survive a round
 * trip through an older reader).
 */
import * as v from 'valibot';
import type { ChatBranch } from '../chat-state.ts';
import type { ChatMessage } from '../chat-types.ts';
import { isRecord, migrateThread } from './migrate-thread.ts';
import type { Thread, ThreadIssue } from './thread-types.ts';

const finite = v.pipe(v.number(), v.finite());

const partSchema = v.variant('type', [
  v.looseObject({ type: v.literal('text'), text: v.string() }),
  v.looseObject({ type: v.literal('image'), url: v.string() }),
  v.looseObject({ type: v.literal('audio'), data: v.string(), format: v.string() }),
  v.looseObject({
    type: v.literal('video'),
    url: v.string(),
    source: v.picklist(['video_url', 'input_video']),
  }),
]);

const toolCallSchema = v.looseObject({
  id: v.string(),
  index: finite,
  name: v.string(),
  argumentsText: v.string(),
  state: v.picklist([
    'streaming-arguments',
    'awaiting-approval',
    'awaiting-result',
    'running',
    'done',
    'failed',
    'denied',
  ]),
  result: v.optional(v.string()),
  error: v.optional(v.string()),
  startedAt: v.optional(finite),
  endedAt: v.optional(finite),
});

/** What the renderer and the wire converter rely on; everything else is carried as it is. */
const messageSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['system', 'developer', 'user', 'assistant', 'tool']),
  parts: v.array(partSchema),
  createdAt: finite,
  status: v.picklist(['pending', 'streaming', 'complete', 'aborted', 'error', 'incomplete']),
  name: v.optional(v.string()),
  reasoning: v.optional(
    v.looseObject({
      text: v.string(),
      details: v.array(v.looseObject({ type: v.string() })),
      durationMs: v.optional(finite),
    }),
  ),
  toolCalls: v.optional(v.array(toolCallSchema)),
  refusal: v.optional(v.string()),
  toolCallId: v.optional(v.string()),
});

const branchSchema = v.object({
  ids: v.array(v.array(v.string())),
  active: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * One message as it can be shown, or the reason it cannot. A message saved before `parts`
 * existed (`content` as a string) is read as one text part rather than lost.
 */
export function parseMessage(value: unknown): { message: ChatMessage } | { error: string } {
  let input = value;
  if (isRecord(value) && value.parts === undefined && typeof value.content === 'string') {
    const { content, ...rest } = value;
    input = { ...rest, parts: [{ type: 'text', text: content }] };
  }
  const result = v.safeParse(messageSchema, input);
  if (!result.success) return { error: describe(result.issues) };
  return { message: result.output as unknown as ChatMessage };
}

/**
 * A stored record as a current {@link Thread}: migrated from older versions, each message checked,
 * unreadable messages (and branch records) dropped with an issue each, ids that point nowhere
 * removed. `undefined` (with an issue) when the record is not a thread at all.
 *
 * @param fallbackId the id to give a record that has none (the key it was stored under).
 */
export function parseThread(
  value: unknown,
  fallbackId?: string | undefined,
): { thread?: Thread; issues: ThreadIssue[] } {
  const migrated = migrateThread(value, fallbackId);
  if ('error' in migrated) {
    const issue: ThreadIssue = { path: '', message: migrated.error };
    if (fallbackId !== undefined) issue.threadId = fallbackId;
    return { issues: [issue] };
  }
  const record = migrated.record;
  const threadId = record.id;
  const issues: ThreadIssue[] = [];
  const messagesById: Record<string, ChatMessage> = {};
  for (const [id, raw] of Object.entries(record.messagesById)) {
    const parsed = parseMessage(raw);
    if ('error' in parsed) {
      issues.push({ threadId, messageId: id, path: `messagesById.${id}`, message: parsed.error });
    } else if (parsed.message.id !== id) {
      issues.push({
        threadId,
        messageId: id,
        path: `messagesById.${id}.id`,
        message: 'the id differs from its key',
      });
    } else {
      messagesById[id] = parsed.message;
    }
  }
  const branches: Record<string, ChatBranch> = {};
  for (const [id, raw] of Object.entries(record.branches)) {
    const parsed = v.safeParse(branchSchema, raw);
    if (!parsed.success || parsed.output.active >= parsed.output.ids.length) {
      issues.push({
        threadId,
        path: `branches.${id}`,
        message: parsed.success ? 'active is out of range' : describe(parsed.issues),
      });
      continue;
    }
    branches[id] = parsed.output;
  }
  const thread: Thread = {
    ...record,
    messageIds: [...new Set(record.messageIds)].filter((id) => id in messagesById),
    messagesById,
    branches,
  };
  return { thread, issues };
}
