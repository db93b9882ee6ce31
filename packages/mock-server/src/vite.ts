import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { serve } from './node.ts';
import type { SimulatorOptions } from './options.ts';
import { createSimulator } from './simulator.ts';

const API_PREFIX = '/api/v1';

/**
 * A Vite plugin that serves the simulator at `/api/v1/*` of the dev and preview servers, so the
 * demo talks to it on its own origin with no second process.
 *
 * @example
 * // vite.config.ts
 * export default defineConfig({ plugins: [react(), parleySimulator({ tokenDelayMs: 20 })] });
 */
export function parleySimulator(options: SimulatorOptions = {}): Plugin {
  const simulator = createSimulator(options);
  const middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (!request.url?.startsWith(API_PREFIX)) {
      next();
      return;
    }
    void serve(simulator, request, response);
  };
  return {
    name: 'parley-simulator',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
