/** @jsxImportSource ../jsx */
'use client';
import type { ChatMessage, ChatPart, ChatState, ChatStore, ChatTextPart } from '@parley/client/chat';
import { useChatSelector } from '@parley/react';
import * as React from 'react';
import type { ContentPartComponents } from '../content-parts/content-part-types.ts';
import { TextPart } from '../content-parts/text-part.tsx';
import type { LazyComponent } from '../lazy-component.tsx';
import { markdownRenderer } from '../markdown/lazy-markdown.tsx';
import { authorOf, MessageMetaOf, messageLabel, roleMark } from '../message/message-header.tsx';
import type { MessageListViewportProps } from '../message-list/message-list-viewport.tsx';
import { MessageBoundary, PartBoundary } from '../render-boundary/render-boundary.tsx';
import { conversationList, preloadMessageParts, viewportLoaded } from './lazy-message.tsx';
import { preloadConversation } from './preload-conversation.ts';

// A saved conversation, when it opens, shows its latest messages as soon as the markdown renderer is there,
// as the rows they will be, without their actions; the virtualised list's rows take over at the next idle
// moment, in place. In a fresh page, the list and the message row (their code is a chunk of its own,
// lazy-message.tsx) load after that first paint. Opening a conversation costs what a plain list's does; the
// rest of the row (its actions, tooltips, details, the virtualiser) is paid once the conversation can be read.

// More than a tall window holds of short messages, so the list that takes over shows what the preview did;
// few enough that a long conversation's preview costs what a short one's does. A constant, not the window's
// height: a server-rendered preview must match the browser's first render.
const PREVIEW_ROWS = 12;

/**
 * Whether the preview can draw the message exactly as its row will be, less the row of actions: text the
 * message settled with, and nothing else a row shows (reasoning, tool calls, sources, a refusal, structured
 * output, an error or a notice). Anything else waits for the row itself.
 */
function isPlain(message: ChatMessage | undefined): message is ChatMessage {
  if (!message || message.role === 'tool' || message.status !== 'complete') return false;
  if (message.reasoning || message.toolCalls?.length || message.annotations?.length) return false;
  if (message.refusal || message.responseFormat || message.error || message.notice) return false;
  // A saved message can be malformed (`MessageBoundary` shows what it can of it): the list's to show.
  const { parts } = message as { parts: unknown };
  return (
    Array.isArray(parts) &&
    parts.every((part: ChatPart | null) => part?.type === 'text' && typeof part.text === 'string') &&
    parts.some((part: ChatTextPart) => part.text !== '')
  );
}

/** The latest messages when each is plain (`[]` for none), else `null`: the list itself is shown. */
export function previewMessages(
  messagesById: ChatState['messagesById'],
  ids: readonly string[],
): ChatMessage[] | null {
  const latest = ids.slice(-PREVIEW_ROWS).map((id) => messagesById[id]);
  return latest.every(isPlain) ? latest : null;
}

const selectById = (state: ChatState) => state.messagesById;
const NO_MESSAGES: ChatState['messagesById'] = {};
const selectNothing = () => NO_MESSAGES;
const NONE: ChatMessage[] = [];
const markdownPending = () => markdownRenderer.state().status === 'pending';
const pendingOnServer = () => true;
const nextIdle = (callback: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 1);
  return () => clearTimeout(handle);
};

/**
 * The messages `Chat.Messages` previews, or `null` once the list shows (and from then on). Every conversation
 * it opens (the messages it mounts with, or restored into an empty chat) is first drawn as a preview, whether
 * the list's code has loaded in the page or not: a full row costs several times what its text does
 * (bench/README's "First open"), and the person reads the text first.
 */
export function useConversationPreview(
  store: ChatStore,
  ids: readonly string[],
  list: LazyComponent<MessageListViewportProps> = conversationList,
): ChatMessage[] | null {
  // `waiting`: no message drawn yet; `preview`: messages drawn, the list on its way; `list`: for good.
  const listLoaded = list.loaded() !== undefined;
  // Once the list's code is in the page, a first message sent into an empty chat is the list's to show
  // at once (its reply follows); a conversation opened or restored (two messages and more) is previewed.
  const previews = (count: number) => !listLoaded || count !== 1;
  // A conversation the first render draws starts as a preview, with no render of its own to say so.
  const [phase, setPhase] = React.useState<'waiting' | 'preview' | 'list'>(() =>
    previews(ids.length) &&
    !markdownPending() &&
    (previewMessages(store.getState().messagesById, ids)?.length ?? 0) > 0
      ? 'preview'
      : 'waiting',
  );
  const previewing = phase === 'preview' || (phase === 'waiting' && previews(ids.length));
  // The messages only while previewing: they change with every streamed token, and once the list shows,
  // `Chat.Messages` must not render again for each one.
  const messagesById = useChatSelector(previewing ? selectById : selectNothing, store);
  // Drawn with its markdown rendered (or failing to load: then as typed), never as raw markdown that
  // then reflows.
  const waitingForMarkdown = React.useSyncExternalStore(
    markdownRenderer.subscribe,
    markdownPending,
    pendingOnServer,
  );
  // The same array until the messages change: the preview's rows are not drawn again for nothing.
  const latest = React.useMemo(
    () => (previewing ? previewMessages(messagesById, ids) : null),
    [previewing, messagesById, ids],
  );
  // Once drawn, the preview keeps what it can draw when the person sends a message (or a reply starts)
  // before the list is there, rather than leaving an empty log: the list then takes over as soon as it
  // has loaded, without waiting for the page to be idle, and not in a transition, which each streamed
  // token would interrupt and start again.
  const urgent = phase === 'preview' && latest === null;
  const kept = React.useMemo(
    () =>
      urgent
        ? ids.slice(-PREVIEW_ROWS).flatMap((id) => (isPlain(messagesById[id]) ? [messagesById[id]] : []))
        : null,
    [urgent, messagesById, ids],
  );
  const shown = kept ?? latest;
  const messages = shown && waitingForMarkdown ? NONE : shown;
  const drawn = messages === null ? -1 : messages.length;
  React.useEffect(() => {
    if (phase === 'list') return;
    // Something the preview does not draw (a reply on its way, a tool call): the list, as it loads.
    if (drawn < 0) {
      setPhase('list');
      void list.preload().catch(() => undefined);
      return;
    }
    if (drawn === 0 && !urgent) return;
    if (phase === 'waiting') {
      setPhase('preview');
      return;
    }
    let cancelled = false;
    if (urgent) {
      // Not loaded (offline): the preview stays; the next message or draft tries again.
      list.preload().then(
        () => {
          if (!cancelled) setPhase('list');
        },
        () => undefined,
      );
      return () => {
        cancelled = true;
      };
    }
    // The rows take over in a transition: React renders them in short tasks (and commits them in one).
    const takeOver = () => {
      if (!cancelled) React.startTransition(() => setPhase('list'));
    };
    // Once the page is idle after the preview's paint, the list's code loads (its evaluation is not held
    // against the preview's frame), and once idle again, the list takes over: at the first idle moment when
    // the list's code is already in the page.
    let cancelIdle = nextIdle(
      listLoaded
        ? takeOver
        : () => {
            list.preload().then(
              () => {
                if (!cancelled) cancelIdle = nextIdle(takeOver);
              },
              () => undefined,
            );
          },
    );
    return () => {
      cancelled = true;
      cancelIdle();
    };
  }, [phase, drawn, urgent, list, listLoaded]);
  return phase === 'list' ? null : messages;
}

/**
 * Starts loading what rows render with as soon as the chat has a message, wherever its `Chat.Messages` is
 * (an app may load that part on demand itself): in the first render of a chat created with messages, or
 * the moment a saved conversation's messages are restored, rather than once the list has rendered. For a
 * conversation the preview will draw, only the markdown renderer: the list follows the preview's paint.
 */
export function usePreloadOnMessages(store: ChatStore): void {
  const preload = React.useCallback(() => {
    const { messageIds, messagesById } = store.getState();
    if (messageIds.length === 0) return false;
    if (!viewportLoaded() && previewMessages(messagesById, messageIds) !== null) {
      void preloadConversation();
    } else void preloadMessageParts();
    return true;
  }, [store]);
  preload();
  React.useEffect(() => {
    if (store.getState().messageIds.length > 0) return;
    const unsubscribe = store.subscribe(() => {
      if (preload()) unsubscribe();
    });
    return unsubscribe;
  }, [store, preload]);
}

// A short row's height in the default theme (one line of text, its author line and the height of its
// actions: 110-136 px). The preview first draws the latest rows, as many as the window holds of such rows,
// rather than all it has: the log opens at its end, so the rows above are out of sight until the person
// scrolls, and each row not drawn is less work before the first paint (about 3 ms at 10 messages in
// bench/README's "First open"). Rows that turn out not to fill the log are topped up before the paint.
const SHORT_ROW_PX = 120;

/** How many of the preview's `count` rows are left undrawn at first: none outside a browser. */
function undrawnAtFirst(count: number): number {
  if (typeof window === 'undefined' || !window.innerHeight) return 0;
  return Math.max(0, count - Math.max(2, Math.ceil(window.innerHeight / SHORT_ROW_PX)));
}

/**
 * How many of the oldest rows the preview leaves out, and a ref for its rows' column. The rows drawn must
 * overflow the log before the paint, else all are drawn (and the log scrolled to its end again). Once the
 * person scrolls up from the end, the rest are drawn, and what was in sight stays where it was. The list that
 * takes over draws every row in any case.
 */
function useRowsThatFill(count: number) {
  const [undrawn, setUndrawn] = React.useState(() => undrawnAtFirst(count));
  const items = React.useRef<HTMLDivElement>(null);
  // Where the first drawn message was on screen when the person scrolled: it stays there once the rest are
  // drawn (the message, not its row, whose top padding shrinks once it is no longer the first).
  const anchor = React.useRef<{ element: Element; top: number } | undefined>(undefined);
  const drawnAll = undrawn === 0;
  React.useLayoutEffect(() => {
    const log = items.current?.parentElement;
    if (!log) return;
    if (!drawnAll) {
      if (log.scrollHeight <= log.clientHeight) setUndrawn(0);
      return;
    }
    const kept = anchor.current;
    anchor.current = undefined;
    if (kept) log.scrollTop += kept.element.getBoundingClientRect().top - kept.top;
    else log.scrollTop = log.scrollHeight;
  }, [drawnAll]);
  React.useEffect(() => {
    const log = items.current?.parentElement;
    if (drawnAll || !log) return;
    const onScroll = () => {
      if (log.scrollHeight - log.clientHeight - log.scrollTop <= 1) return;
      const row = items.current?.firstElementChild;
      const message = row?.firstElementChild ?? row;
      if (message) anchor.current = { element: message, top: message.getBoundingClientRect().top };
      setUndrawn(0);
    };
    log.addEventListener('scroll', onScroll, { passive: true });
    return () => log.removeEventListener('scroll', onScroll);
  }, [drawnAll]);
  return { undrawn: Math.min(undrawn, Math.max(0, count - 1)), items };
}

/**
 * The preview's rows: each message as `Chat.Messages` draws it (role mark, author and model, its text
 * through the same text renderer), and the height of its actions kept, so nothing moves when the list
 * takes over. Read-only: no actions, no tooltips. Only mounted in a browser (the markdown renderer is never
 * there on a server), where it first draws the latest rows that fill the log.
 */
export const ConversationPreview = React.memo(function ConversationPreview({
  messages,
  components,
}: {
  messages: readonly ChatMessage[];
  components: Partial<ContentPartComponents> | undefined;
}) {
  const Text = components?.text ?? TextPart;
  const { undrawn, items } = useRowsThatFill(messages.length);
  const rows = messages.slice(undrawn).map((message) => (
    <div key={message.id} data-slot="message-list-item">
      {/* As in the list: a message or a part that fails to render shows its text, and the rest goes on. */}
      <MessageBoundary message={message}>
        <article
          data-slot="message"
          data-role={message.role}
          data-status={message.status}
          aria-label={messageLabel(message)}
        >
          {/* Kept room for the row's actions (message.css). */}
          <div data-slot="message-body" data-actions-pending="">
            <div data-slot="message-header">
              {message.role === 'user' ? null : (
                <span data-slot="message-avatar" data-role={message.role} aria-hidden="true">
                  {roleMark(message.role)}
                </span>
              )}
              <span data-slot="message-author">{authorOf(message)}</span>
              <MessageMetaOf message={message} />
            </div>
            <div data-slot="message-content">
              {message.parts.map((part, index) =>
                part.type === 'text' ? (
                  // Parts are never reordered.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <PartBoundary key={index} part={part}>
                    <Text part={part} messageRole={message.role} index={index} streaming={false} />
                  </PartBoundary>
                ) : null,
              )}
            </div>
          </div>
        </article>
      </MessageBoundary>
    </div>
  ));
  // In the same column as the list's rows (message-list.css).
  return (
    <div ref={items} data-slot="message-list-items">
      {rows}
    </div>
  );
});
