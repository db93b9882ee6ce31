export { mergeThreads } from './merge-thread.ts';
export { migrateThread } from './migrate-thread.ts';
export { exportThreadsJson, importThreadsJson } from './thread-json.ts';
export { exportThreadMarkdown, exportThreadsMarkdown, importThreadsMarkdown } from './thread-markdown.ts';
export {
  createIndexedDbThreadStorage,
  createLocalStorageThreadStorage,
  createMemoryThreadStorage,
  type ListableStorageLike,
} from './thread-storages.ts';
export {
  createThreadStore,
  type ThreadChat,
  type ThreadInit,
  type ThreadStore,
  type ThreadStoreOptions,
  type ThreadStoreState,
} from './thread-store.ts';
export { compareThreads, matchesThread, toThreadSummary } from './thread-summary.ts';
export {
  THREAD_VERSION,
  type Thread,
  type ThreadIssue,
  type ThreadSaveError,
  type ThreadStorage,
  type ThreadSummary,
} from './thread-types.ts';
export { parseMessage, parseThread } from './validate-thread.ts';
