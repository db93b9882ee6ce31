import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { expectEveryPartStyled } from './packages/ui/src/__fixtures__/part-classes.ts';

// Vitest globals are off, so Testing Library's automatic cleanup never registers itself. Before it, in the
// state the test left: no part without the class its theme selects it by.
afterEach(() => {
  try {
    expectEveryPartStyled();
  } finally {
    cleanup();
  }
});

// CI is a 2-core machine running every project at once: a streamed reply from the simulator can take
// well over Testing Library's default second to settle. A wait still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

// The UI loads its message rows and the virtualised list with import() (packages/ui/src/connected/
// lazy-message.tsx) when a message is on its way. A built app fetches them as one chunk; Vite's dev server instead transforms the row's whole
// module tree on first request, seconds on a loaded machine, inside the first test's waits. Loaded here,
// before each file's tests, rows render as soon as they mount, as they did before the split (the loading
// state is exercised by the production builds of packaging/: the Vite and Next.js apps stream a reply;
// the preview a saved conversation shows before them, by conversation-preview.test.tsx's own list).
// The chat core's on-demand modules (the requests, the client's request code, a persistence's reader,
// running tool calls) are warmed the same way.
beforeAll(async () => {
  const { preloadMessageParts } = await import('./packages/ui/src/connected/lazy-message.tsx');
  await Promise.all([
    preloadMessageParts(),
    // The price lookup of a reply whose server reported no cost (react-query), loaded by such a row.
    import('./packages/ui/src/connected/chat-message-pricing.tsx'),
    import('./packages/client/src/chat/chat-request.ts'),
    import('./packages/client/src/client.ts'),
    import('./packages/client/src/chat/chat-persisted-loader.ts'),
    import('./packages/client/src/chat/chat-tool-calls.ts'),
  ]);
});
