// Builds one of bench/'s browser pages for production (React without its development checks, as
// users run it) and serves it on 127.0.0.1, with workspace packages resolved to their sources.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { markdownEntities } from '../markdown-entities.ts';
import { workspaceSources } from '../workspace-sources.ts';

/** Builds `root` (a folder with index.html) and serves it; `close` stops the server and removes the build. */
export async function servePage(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    plugins: [workspaceSources(), markdownEntities(), react()],
    // PARLEY_BENCH_MINIFY=0 keeps function names for profiling.
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 10_000,
      minify: process.env.PARLEY_BENCH_MINIFY !== '0',
    },
  });
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/` : '';
  return {
    url,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
