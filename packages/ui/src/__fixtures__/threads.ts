/** Thread summaries for ThreadList's stories and tests: a sidebar a person might have. */
import type { ThreadSummary } from '@parley/client/chat';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 12);

function summary(id: string, title: string, preview: string, hoursAgo: number, extra: Partial<ThreadSummary> = {}): ThreadSummary {
  const at = NOW - hoursAgo * HOUR;
  return { id, title, createdAt: at, updatedAt: at, pinned: false, messageCount: 4, preview, metadata: {}, ...extra };
}

export const sidebarThreads: ThreadSummary[] = [
  summary('pinned', 'Quarterly report outline', 'Start with revenue, then the three risks.', 30, { pinned: true }),
  summary('trip', 'Plan a day in Porto', 'Take the tram to Foz at sunset.', 1),
  summary('recipe', 'Leek and potato soup', 'Sweat the leeks slowly, without colour.', 5),
  summary('untitled', '', '', 8, { messageCount: 0 }),
  summary('regex', 'Why does this regex backtrack?', 'Nested quantifiers: (a+)+ on a long run of a.', 50),
];
