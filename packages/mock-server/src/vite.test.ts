import type { AddressInfo } from 'node:net';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { postChat, readStream, user } from './testing/harness.ts';
import { parleySimulator } from './vite.ts';

describe('parleySimulator (Vite plugin)', () => {
  it('serves /api/v1 from the dev server and leaves other paths to Vite', async () => {
    const server = await createServer({
      configFile: false,
      logLevel: 'silent',
      root: import.meta.dirname,
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [parleySimulator({ tokenDelayMs: 0 })],
    });
    await server.listen();
    try {
      const { port } = server.httpServer!.address() as AddressInfo;
      const baseURL = `http://127.0.0.1:${port}/api/v1`;
      expect((await (await fetch(`${baseURL}/models`)).json()).data).toHaveLength(5);
      const { done, chunks } = await readStream(
        await postChat(baseURL, { messages: [user('via vite')], stream: true }),
      );
      expect(done).toBe(true);
      expect(chunks.length).toBeGreaterThan(3);
      const other = await fetch(`http://127.0.0.1:${port}/not-the-api`);
      expect(other.headers.get('x-parley-model')).toBeNull();
    } finally {
      await server.close();
    }
  });
});
