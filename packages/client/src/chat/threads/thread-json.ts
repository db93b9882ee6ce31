/**
 * Export and import as JSON: lossless (every message of every branch, as stored) and versioned.
 * Import reads what it can and reports the rest, like loading from storage does.
 */
import { THREAD_VERSION, type Thread, type ThreadIssue } from './thread-types.ts';
import { parseThread } from './validate-thread.ts';

/** The `format` field that marks a Parley export. */
export const THREADS_EXPORT_FORMAT = 'parley-threads';

/** The JSON document {@link exportThreadsJson} writes. */
export interface ThreadsExport {
  format: typeof THREADS_EXPORT_FORMAT;
  version: typeof THREAD_VERSION;
  /** Epoch milliseconds. */
  exportedAt: number;
  threads: Thread[];
}

/**
 * One thread or many as a JSON document (pretty-printed, for people who open it).
 *
 * @example
 * download('conversations.json', exportThreadsJson(threads.getState().threads.map((t) => threads.get(t.id)!)));
 */
export function exportThreadsJson(threads: Thread | readonly Thread[], exportedAt = Date.now()): string {
  const document: ThreadsExport = {
    format: THREADS_EXPORT_FORMAT,
    version: THREAD_VERSION,
    exportedAt,
    threads: Array.isArray(threads) ? [...threads] : [threads as Thread],
  };
  return JSON.stringify(document, null, 2);
}

/**
 * Reads an export (this version's, an older one, a bare thread or a list of threads): every thread
 * migrated and validated, what cannot be read skipped and reported. Never throws.
 */
export function importThreadsJson(text: string): { threads: Thread[]; issues: ThreadIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { threads: [], issues: [{ path: '', message: `not JSON: ${(error as Error).message}` }] };
  }
  const isExport =
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === THREADS_EXPORT_FORMAT;
  if (isExport) {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'number' && version > THREAD_VERSION) {
      return {
        threads: [],
        issues: [{ path: 'version', message: `written by a newer version (${version})` }],
      };
    }
  }
  const list = isExport ? (value as { threads?: unknown }).threads : value;
  const records = Array.isArray(list) && (isExport || list.every(isThreadLike)) ? list : [list];
  const threads: Thread[] = [];
  const issues: ThreadIssue[] = [];
  records.forEach((record, index) => {
    const parsed = parseThread(record);
    for (const issue of parsed.issues)
      issues.push({ ...issue, path: `threads.${index}${issue.path ? `.${issue.path}` : ''}` });
    if (parsed.thread) threads.push(parsed.thread);
  });
  return { threads, issues };
}

/** Whether a list item looks like a thread rather than a message (a bare list of messages is one old-style thread). */
function isThreadLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'messagesById' in value;
}
