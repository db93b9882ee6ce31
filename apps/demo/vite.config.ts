import { parleySimulator } from '@parley/mock-server/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceSourcesAsPublished } from '../../workspace-sources.ts';

// Parley's chat core: the client and React packages (from their sources here, from dist/ in a copy
// of this app) and the small libraries under them.
const CORE =
  /[\\/](packages[\\/](client|react)[\\/]src|@parley[\\/](client|react)[\\/]dist)[\\/]|[\\/]node_modules[\\/]\.pnpm[\\/](zustand|idb|valibot|eventsource-parser)@/;
// What of it the first screen never runs: conversation export and import, prices.
const ON_USE = /thread-json|thread-markdown|use-model-pricing/;

// The simulator answers /api/v1/* on the dev and preview servers' own origin: one process, no key,
// no CORS. A copy of this app outside the repository drops `workspaceSourcesAsPublished()` (it reads
// the packages' builds) and keeps the rest.
export default defineConfig({
  plugins: [workspaceSourcesAsPublished(), react(), parleySimulator({ tokenDelayMs: 20 })],
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The packages split the chat core into parts loaded on demand (the request code, the
        // persisted-thread loader, tool rounds), which suits a page that only shows a hook. This app
        // creates a chat and a thread store as it opens, so it would fetch them all at once anyway,
        // as a dozen small files one after another: one chunk compresses better and comes in one
        // request (the first-load e2e measures it).
        codeSplitting: {
          groups: [{ name: 'parley-core', test: (id: string) => CORE.test(id) && !ON_USE.test(id) }],
        },
      },
    },
  },
});
