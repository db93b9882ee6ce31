import { preloadMarkdown } from '../markdown/lazy-markdown.tsx';

/**
 * Starts loading what a saved conversation's first paint needs: the markdown renderer, a chunk of its own
 * that `Chat.Messages` otherwise asks for in its first render with messages, after the app's own code has
 * loaded and run. Call it where the app learns it will open a saved conversation (at its entry when the
 * page is a conversation's, in a route's loader): the renderer then downloads beside the app's code. The
 * rows' own code still loads after the conversation's text is on screen. `ThreadList.Root` calls it as the
 * person reaches for a conversation. Resolves once the renderer is there, or could not load (the text then
 * shows as typed until a later attempt): it never rejects.
 *
 * @example
 * if (location.pathname.startsWith('/c/')) void preloadConversation();
 */
export function preloadConversation(): Promise<void> {
  return preloadMarkdown().then(
    () => undefined,
    () => undefined,
  );
}
