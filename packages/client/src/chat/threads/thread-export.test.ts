import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../chat-types.ts';
import { message, thread } from './__fixtures__/threads.ts';
import { exportThreadsJson, importThreadsJson } from './thread-json.ts';
import { exportThreadMarkdown, exportThreadsMarkdown, importThreadsMarkdown } from './thread-markdown.ts';

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

describe('Markdown export and import', () => {
  it('reads as a transcript: title, a heading per message, reasoning quoted, attachments referenced', () => {
    const markdown = exportThreadMarkdown(trip);
    expect(markdown).toMatch(/^<!-- parley:thread .* -->\n\n# Trip\n/);
    expect(markdown).toContain('### User\n\nWhere should I go?');
    expect(markdown).toContain('### Assistant · parley/reasoner');
    expect(markdown).toContain('> Weather first.\n> Then crowds.');
    expect(markdown).toContain('![a map](<https://example.com/map.png>)');
    expect(markdown).toContain('*[audio: question.wav]*');
    expect(markdown).not.toContain('UklGRg==');
    expect(markdown).not.toContain('Porto.');
  });

  it('round-trips the visible conversation: title, order, roles, text, reasoning text and attachment references', () => {
    const { threads, issues } = importThreadsMarkdown(exportThreadMarkdown(trip));
    expect(issues).toEqual([]);
    const [back] = threads;
    expect(back).toMatchObject({ id: 'trip', title: 'Trip', pinned: true, messageIds: ['u1', 'a1'] });
    expect(back?.messagesById.u1?.parts).toEqual([
      { type: 'text', text: 'Where should I go?' },
      { type: 'image', url: 'https://example.com/map.png', alt: 'a map' },
      { type: 'audio', data: '', format: 'wav', name: 'question.wav' },
    ]);
    expect(back?.messagesById.a1).toMatchObject({
      role: 'assistant',
      model: 'parley/reasoner',
      createdAt: 2_000,
      parts: [{ type: 'text', text: 'Lisbon in **May**.\n\n---\n\nPack light.' }],
      reasoning: { text: 'Weather first.\nThen crowds.' },
    });
    expect(exportThreadMarkdown(back!)).toBe(
      exportThreadMarkdown({ ...trip, messagesById: { ...trip.messagesById, u1: back!.messagesById.u1! } }),
    );
  });

  it('round-trips several threads in one document', () => {
    const other = thread('other', [message('x', 'user', 'Second thread')], { title: 'Other' });
    const { threads } = importThreadsMarkdown(exportThreadsMarkdown([trip, other]));
    expect(threads.map((item) => [item.id, item.messageIds])).toEqual([
      ['trip', ['u1', 'a1']],
      ['other', ['x']],
    ]);
    expect(threads[0]?.messagesById.a1?.parts).toEqual([
      { type: 'text', text: 'Lisbon in **May**.\n\n---\n\nPack light.' },
    ]);
  });

  it('reports Markdown that holds no thread instead of throwing', () => {
    expect(importThreadsMarkdown('# Just notes\n\nNothing here.')).toEqual({
      threads: [],
      issues: [{ path: 'markdown', message: 'no Parley thread in this Markdown' }],
    });
  });
});
