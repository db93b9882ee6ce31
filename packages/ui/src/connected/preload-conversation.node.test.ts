import { describe, expect, it } from 'vitest';
import { markdownRenderer } from '../markdown/lazy-markdown.tsx';
import { preloadConversation } from './preload-conversation.ts';

// The browser tests load every chunk before they start (vitest.setup.ts); here nothing has loaded it.
describe('preloadConversation', () => {
  it('loads the markdown renderer that a saved conversation first paints with, once', async () => {
    expect(markdownRenderer.loaded()).toBeUndefined();
    const loading = preloadConversation();
    await expect(loading).resolves.toBeUndefined();
    const Markdown = markdownRenderer.loaded();
    expect(Markdown).toBeTypeOf('function');
    // Called again (a route loader, then a pointer over the conversation): the same renderer, no new load.
    await preloadConversation();
    expect(markdownRenderer.loaded()).toBe(Markdown);
  });
});
