import type { TestProject } from 'vitest/node';

/**
 * Starts the simulator over real HTTP on 127.0.0.1 for the browser tests, which reach it
 * with `inject('simulatorUrl')`. Hooks and components are tested against the network edge users
 * meet, not against mocks of our own modules. A second one, `inject('guardedSimulatorUrl')`,
 * answers only the key `inject('guardedSimulatorKey')`, for tests that switch endpoint and key.
 */
export default async function setup(project: TestProject) {
  const { startSimulator } = await import('@parley/mock-server/node');
  const simulator = await startSimulator({ host: '127.0.0.1', port: 0 });
  const guarded = await startSimulator({
    host: '127.0.0.1',
    port: 0,
    requireApiKey: true,
    apiKeys: [GUARDED_SIMULATOR_KEY],
  });
  project.provide('simulatorUrl', simulator.url);
  project.provide('guardedSimulatorUrl', guarded.url);
  project.provide('guardedSimulatorKey', GUARDED_SIMULATOR_KEY);
  return async () => {
    await Promise.all([simulator.close(), guarded.close()]);
  };
}

const GUARDED_SIMULATOR_KEY = 'sk-parley-guarded';

declare module 'vitest' {
  export interface ProvidedContext {
    simulatorUrl: string;
    guardedSimulatorUrl: string;
    guardedSimulatorKey: string;
  }
}
