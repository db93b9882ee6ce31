import { parleySimulator } from '@parley/mock-server/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceSources } from '../../workspace-sources.ts';

// The simulator answers /api/v1/* on the dev and preview servers' own origin: one process, no key,
// no CORS. A copy of this app outside the repository drops `workspaceSources()` (it reads the
// packages' builds) and keeps the rest.
export default defineConfig({
  plugins: [workspaceSources(), react(), parleySimulator({ tokenDelayMs: 20 })],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
});
