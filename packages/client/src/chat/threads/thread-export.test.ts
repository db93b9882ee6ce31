import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../chat-types.ts';
import { message, thread } from './__fixtures__/threads.ts';
import { exportThreadsJson, importThreadsJson } from './thread-json.ts';
import { exportThreadMarkdown, exportThreadsMarkdown } from './thread-markdown.ts';
import { importThreadsMarkdown } from './thread-markdown-import.ts';
import type { Thread } from './thread-types.ts';

const reasoned: ChatMessage = {
  ...message('a1', 'assistant', 'Lisbon in **May**.\n\n---\n\nPack light.', 2_000),
  model: 'parley/reasoner',
  reasoning: {
    text: 'Weather first.\nThen crowds.',
    details: [{ type: 'reasoning.text', text: 'Weather first.', signature: 'sig' }],
    durationMs: 1200,
  },
  usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
};
const withImage: ChatMessage = {
  ...message('u1', 'user', 'Where should I go?'),
  parts: [
    { type: 'text', text: 'Where should I go?' },
    { type: 'image', url: 'https://example.com/map.png', alt: 'a map' },
    { type: 'audio', data: 'UklGRg==', format: 'wav', name: 'question.wav' },
  ],
};
const alternative = message('a0', 'assistant', 'Porto.', 1_500);
const trip = thread('trip', [withImage, reasoned, alternative], {
  title: 'Trip',
  pinned: true,
  metadata: { folder: 'travel' },
  messageIds: ['u1', 'a1'],
  branches: {},
  usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
});
trip.branches = { a0: { ids: [['a0'], ['a1']], active: 1 }, a1: { ids: [['a0'], ['a1']], active: 1 } };

describe('JSON export and import', () => {
  it('round-trips one thread and many losslessly: branches, reasoning with signatures, usage, metadata', () => {
    const other = thread('other', [message('x', 'user', 'Hi')], { title: 'Other' });
    expect(importThreadsJson(exportThreadsJson(trip))).toEqual({ threads: [trip], issues: [] });
    expect(importThreadsJson(exportThreadsJson([trip, other]))).toEqual({
      threads: [trip, other],
      issues: [],
    });
  });

  it('names its format and version, and refuses a newer version with a report', () => {
    const document = JSON.parse(exportThreadsJson([trip], 42));
    expect(document).toMatchObject({ format: 'parley-threads', version: 2, exportedAt: 42 });
    expect(importThreadsJson(JSON.stringify({ ...document, version: 3 }))).toEqual({
      threads: [],
      issues: [{ path: 'version', message: expect.stringMatching(/newer/) }],
    });
  });

  it('imports what it can, reporting each unreadable thread and message, and never throws', () => {
    const document = JSON.parse(exportThreadsJson([trip]));
    document.threads[0].messagesById.a1.parts = 'broken';
    document.threads.push({ nonsense: true });
    const { threads, issues } = importThreadsJson(JSON.stringify(document));
    expect(threads.map((item) => item.messageIds)).toEqual([['u1']]);
    expect(issues.map((issue) => issue.path)).toEqual(['threads.0.messagesById.a1', 'threads.1']);
    expect(importThreadsJson('{ not json').issues).toEqual([
      { path: '', message: expect.stringMatching(/not JSON/) },
    ]);
  });

  it('imports an old localStorage entry (version 1) as a thread', () => {
    const v1 = {
      version: 1,
      id: 'old',
      messageIds: ['u1'],
      messagesById: { u1: message('u1', 'user', 'Hi') },
      branches: {},
    };
    expect(importThreadsJson(JSON.stringify(v1)).threads[0]?.messageIds).toEqual(['u1']);
  });
});

/** `thread` as Markdown keeps it: inline bytes (audio, data URLs) are referenced, not embedded. */
function withoutInlineBytes(thread: Thread): Thread {
  const messagesById = Object.fromEntries(
    Object.entries(thread.messagesById).map(([id, item]) => [
      id,
      {
        ...item,
        parts: item.parts.map((part) =>
          part.type === 'audio'
            ? { ...part, data: '' }
            : part.type !== 'text' && part.url.startsWith('data:')
              ? { ...part, url: '' }
              : part,
        ),
      },
    ]),
  );
  return { ...thread, messagesById };
}

describe('Markdown export and import', () => {
  it('reads as a transcript: title, a heading per message, reasoning quoted, attachments referenced, other versions after', () => {
    const markdown = exportThreadMarkdown(trip);
    expect(markdown).toMatch(/^<!-- parley:thread .* -->\n\n# Trip\n/);
    expect(markdown).toMatch(/### User\n\n<!-- parley:part .* -->\nWhere should I go\?/);
    expect(markdown).toContain('### Assistant · parley/reasoner');
    expect(markdown).toContain('> Weather first.\n> Then crowds.');
    expect(markdown).toContain('![a map](<https://example.com/map.png>)');
    expect(markdown).toContain('*[audio: question.wav]*');
    expect(markdown).not.toContain('UklGRg==');
    // The regenerated alternative comes after the conversation, named as a version.
    const versions = markdown.indexOf('## Other versions');
    expect(versions).toBeGreaterThan(markdown.indexOf('Pack light.'));
    expect(markdown.slice(versions)).toMatch(
      /versions of message 2; version 2 is the one shown above[\s\S]*### Assistant · version 1 of 2\n\n.*\nPorto\./,
    );
  });

  it('round-trips to the same thread as JSON does, every branch included, inline bytes aside', () => {
    const { threads, issues } = importThreadsMarkdown(exportThreadMarkdown(trip));
    expect(issues).toEqual([]);
    expect(threads).toEqual([withoutInlineBytes(trip)]);
    expect(threads).toEqual(importThreadsJson(exportThreadsJson(withoutInlineBytes(trip))).threads);
  });

  it('keeps names and titles holding the Unicode line and paragraph separators', () => {
    // JSON leaves U+2028/U+2029 unescaped in the markers; reading them back must not drop the part.
    const odd = thread(
      'odd',
      [
        {
          ...message('u9', 'user', 'Listen'),
          parts: [{ type: 'audio', data: '', format: 'wav', name: 'take\u2028two\u2029.wav' }],
        },
      ],
      { title: 'Line\u2028separated' },
    );
    const { threads, issues } = importThreadsMarkdown(exportThreadMarkdown(odd));
    expect(issues).toEqual([]);
    expect(threads).toEqual([odd]);
  });

  it('keeps text that ends in spaces or tabs, or is nothing else (found by the property test)', () => {
    const blank = thread('blank', [
      message('t1', 'system', '\t'),
      message('t2', 'user', 'indented code:\n    x = 1\n  \t'),
      message('t3', 'assistant', ' \n\n'),
    ]);
    const { threads, issues } = importThreadsMarkdown(exportThreadMarkdown(blank));
    expect(issues).toEqual([]);
    expect(threads).toEqual([blank]);
  });

  it('round-trips several threads in one document', () => {
    const other = thread('other', [message('x', 'user', 'Second thread\n\n---\n')], { title: 'Other' });
    const { threads } = importThreadsMarkdown(exportThreadsMarkdown([trip, other]));
    expect(threads).toEqual([withoutInlineBytes(trip), other]);
  });

  it('still reads an export of the first version (no line counts, visible branch only)', () => {
    const first = [
      '<!-- parley:thread {"id":"old","title":"Old","createdAt":1,"updatedAt":2,"pinned":false} -->',
      '',
      '# Old',
      '',
      '<!-- parley:message {"id":"u1","role":"user","createdAt":1,"status":"complete"} -->',
      '### User',
      '',
      'Hello there',
      '',
      '<!-- parley:message {"id":"a1","role":"assistant","createdAt":2,"status":"complete"} -->',
      '### Assistant',
      '',
      '<!-- parley:reasoning {} -->',
      '> Greet back.',
      '',
      'Hi!',
      '',
    ].join('\n');
    const { threads, issues } = importThreadsMarkdown(first);
    expect(issues).toEqual([]);
    expect(threads[0]).toMatchObject({ id: 'old', title: 'Old', messageIds: ['u1', 'a1'] });
    expect(threads[0]?.messagesById.a1).toMatchObject({
      parts: [{ type: 'text', text: 'Hi!' }],
      reasoning: { text: 'Greet back.' },
    });
  });

  it('reports Markdown that holds no thread instead of throwing', () => {
    expect(importThreadsMarkdown('# Just notes\n\nNothing here.')).toEqual({
      threads: [],
      issues: [{ path: 'markdown', message: 'no Parley thread in this Markdown' }],
    });
  });
});
