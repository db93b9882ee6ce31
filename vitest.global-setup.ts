import type { TestProject } from 'vitest/node';

/**
 * Starts the simulator over real HTTP on 127.0.0.1 for the browser tests, which reach it
 * with `inject('simulatorUrl')`. Hooks and components are tested against the network edge users
 * meet, not against mocks of our own modules.
 */
export default async function setup(project: TestProject) {
  const { startSimulator } = await import('@parley/mock-server/node');
  const simulator = await startSimulator({ host: '127.0.0.1', port: 0 });
  project.provide('simulatorUrl', simulator.url);
  return async () => {
    await simulator.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    simulatorUrl: string;
  }
}
