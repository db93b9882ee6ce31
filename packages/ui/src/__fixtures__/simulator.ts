import { inject } from 'vitest';

// The browser project's global setup (vitest.global-setup.ts at the root) provides this; the root
// file is outside this package's program, so the type is declared again here.
declare module 'vitest' {
  export interface ProvidedContext {
    simulatorUrl: string;
  }
}

/** The simulator's API base URL, started over real HTTP for the browser tests. */
export const simulatorBaseURL = (): string => `${inject('simulatorUrl')}/api/v1`;
