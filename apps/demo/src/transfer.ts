import {
  exportThreadMarkdown,
  exportThreadsJson,
  importThreadsJson,
  importThreadsMarkdown,
  type Thread,
  type ThreadStore,
} from '@parley/client/chat';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (thread: Thread) => (thread.title || 'conversation').replace(/[^\w-]+/g, '-').slice(0, 60);

/** Downloads one conversation as JSON (everything, branches included) or Markdown (a transcript). */
export function exportThread(thread: Thread, format: 'json' | 'markdown') {
  if (format === 'json') download(`${fileName(thread)}.json`, 'application/json', exportThreadsJson(thread));
  else download(`${fileName(thread)}.md`, 'text/markdown', exportThreadMarkdown(thread));
}

/** Reads conversations from a JSON or Markdown export into the store; returns them and what was skipped. */
export async function importFile(file: File, store: ThreadStore) {
  const text = await file.text();
  const result = /\.(md|markdown)$/i.test(file.name) ? importThreadsMarkdown(text) : importThreadsJson(text);
  await store.restore(...result.threads);
  return result;
}
