/**
 * Property: any thread (every branch, any text, even text that looks like Markdown marks, rules or
 * headings) exported and imported comes back the same: exactly from JSON, and from Markdown the
 * same but for inline bytes (audio, data URLs), which Markdown references instead of embedding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatBranch } from '../chat-state.ts';
import type { ChatMessage, ChatPart } from '../chat-types.ts';
import { exportThreadsJson, importThreadsJson } from './thread-json.ts';
import { exportThreadMarkdown, exportThreadsMarkdown } from './thread-markdown.ts';
import { importThreadsMarkdown } from './thread-markdown-import.ts';
import { THREAD_VERSION, type Thread } from './thread-types.ts';

/** Text that trips a line-based reader: marks, rules, headings, quotes, blank and padded lines, CR. */
const tricky = fc.constantFrom(
  '<!-- parley:message {"id":"x","role":"user","createdAt":1,"status":"complete"} -->',
  '<!-- parley:thread {"id":"y"} -->',
  '<!-- parley:versions -->',
  '---',
  '### Assistant',
  '> not reasoning',
  '',
  '  padded  ',
  'line\r\nwith CRLF',
  'lone\rreturn',
);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  tricky,
  fc.array(tricky).map((lines) => lines.join('\n')),
);
const url = fc.oneof(fc.webUrl(), fc.constant('data:image/png;base64,iVBORw0KGgo='));

const part: fc.Arbitrary<ChatPart> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), text }),
  fc.record({ type: fc.constant('image' as const), url, alt: text }, { requiredKeys: ['type', 'url'] }),
  fc.record(
    {
      type: fc.constant('audio' as const),
      data: fc.base64String(),
      format: fc.constantFrom('wav', 'mp3'),
      name: text,
    },
    { requiredKeys: ['type', 'data', 'format'] },
  ),
  fc.record(
    {
      type: fc.constant('video' as const),
      url,
      source: fc.constantFrom('video_url' as const, 'input_video' as const),
      name: text,
    },
    { requiredKeys: ['type', 'url', 'source'] },
  ),
);

const message = (id: string): fc.Arbitrary<ChatMessage> =>
  fc.record(
    {
      id: fc.constant(id),
      role: fc.constantFrom(
        'system' as const,
        'developer' as const,
        'user' as const,
        'assistant' as const,
        'tool' as const,
      ),
      parts: fc.array(part, { maxLength: 4 }),
      createdAt: fc.nat(),
      status: fc.constantFrom(
        'complete' as const,
        'aborted' as const,
        'error' as const,
        'incomplete' as const,
      ),
      model: text,
      reasoning: fc.record(
        {
          text,
          details: fc.array(
            fc.record({ type: fc.constant('reasoning.text'), text, signature: fc.string() }),
            { maxLength: 2 },
          ),
          durationMs: fc.nat(),
        },
        { requiredKeys: ['text', 'details'] },
      ),
      toolCalls: fc.array(
        fc.record({
          id: fc.string({ minLength: 1 }),
          index: fc.nat(5),
          name: text,
          argumentsText: text,
          state: fc.constantFrom('done' as const, 'failed' as const, 'awaiting-result' as const),
        }),
        { maxLength: 2 },
      ),
      toolCallId: fc.string(),
      usage: fc.record({ prompt_tokens: fc.nat(), completion_tokens: fc.nat(), total_tokens: fc.nat() }),
    },
    { requiredKeys: ['id', 'role', 'parts', 'createdAt', 'status'] },
  );

/** A thread of `count` messages: some shown, the rest in branch points (or in none), as a chat keeps them. */
const thread: fc.Arbitrary<Thread> = fc
  .integer({ min: 0, max: 8 })
  .chain((count) => {
    const ids = Array.from({ length: count }, (_, index) => `m${index}`);
    const alternative = fc.subarray(ids, { minLength: Math.min(1, count), maxLength: Math.min(3, count) });
    const branch: fc.Arbitrary<ChatBranch> = fc
      .array(alternative, { minLength: 2, maxLength: 3 })
      .chain((alternatives) =>
        fc.record({ ids: fc.constant(alternatives), active: fc.nat(alternatives.length - 1) }),
      );
    return fc.record({
      messages: fc.tuple(...ids.map(message)),
      shown: fc.subarray(ids),
      branches: count === 0 ? fc.constant([]) : fc.array(branch, { maxLength: 3 }),
      title: text,
      pinned: fc.boolean(),
      metadata: fc.dictionary(fc.string(), fc.jsonValue()),
      deletedIds: fc.array(fc.string(), { maxLength: 2 }),
      times: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
    });
  })
  .map(({ messages, shown, branches, title, pinned, metadata, deletedIds, times }) => {
    const byKey: Record<string, ChatBranch> = {};
    // As a chat keeps them: one record under the first id of each of its alternatives.
    for (const branch of branches) for (const ids of branch.ids) if (ids[0]) byKey[ids[0]] = branch;
    return {
      version: THREAD_VERSION,
      id: 'thread',
      title,
      createdAt: times[0],
      updatedAt: times[1],
      pinned,
      metadata,
      propertiesUpdatedAt: times[2],
      messageIds: shown,
      messagesById: Object.fromEntries(messages.map((item) => [item.id, item])),
      branches: byKey,
      deletedIds,
    };
  });

/** What Markdown keeps of a thread: everything but inline bytes. */
function withoutInlineBytes(value: Thread): Thread {
  const strip = (item: ChatPart): ChatPart => {
    if (item.type === 'audio') return { ...item, data: '' };
    if (item.type !== 'text' && item.url.startsWith('data:')) return { ...item, url: '' };
    return item;
  };
  const messagesById = Object.fromEntries(
    Object.entries(value.messagesById).map(([id, item]) => [id, { ...item, parts: item.parts.map(strip) }]),
  );
  return { ...value, messagesById };
}

/** JSON's own view of a value (what survives `JSON.stringify`: no `-0`, no undefined fields). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('export and import round trips (property)', () => {
  it('JSON gives the same thread back', () => {
    fc.assert(
      fc.property(thread, (original) => {
        expect(importThreadsJson(exportThreadsJson(original))).toEqual({
          threads: [asJson(original)],
          issues: [],
        });
      }),
      { numRuns: 120 },
    );
  });

  it('Markdown gives the same thread back, every branch included, but for inline bytes, as JSON does', () => {
    fc.assert(
      fc.property(thread, (original) => {
        const expected = asJson(withoutInlineBytes(original));
        const fromMarkdown = importThreadsMarkdown(exportThreadMarkdown(original));
        expect(fromMarkdown).toEqual({ threads: [expected], issues: [] });
        expect(fromMarkdown.threads).toEqual(importThreadsJson(exportThreadsJson(expected)).threads);
      }),
      { numRuns: 120 },
    );
  });

  it('several threads in one Markdown document come back apart', () => {
    fc.assert(
      fc.property(fc.array(thread, { maxLength: 3 }), (list) => {
        const named = list.map((item, index) => ({ ...item, id: `thread-${index}` }));
        const { threads } = importThreadsMarkdown(exportThreadsMarkdown(named));
        expect(threads).toEqual(named.map((item) => asJson(withoutInlineBytes(item))));
      }),
      { numRuns: 60 },
    );
  });
});
