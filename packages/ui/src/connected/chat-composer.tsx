/** @jsxImportSource ../jsx */
'use client';
import type { Modality } from '@parley/client';
import type { ChatMessage, ChatPart, ChatState, ChatStore } from '@parley/client/chat';
import {
  attachmentKind,
  fileToChatPart,
  recordingToChatPart,
  useChatStatus,
  useChatStore,
  useOptionalPreferencesStore,
} from '@parley/react';
import { useComposedRefs } from 'radix-ui/internal';
import * as React from 'react';
import type { ComposerAttachment } from '../composer/attachment-files.ts';
import { ComposerRoot, type ComposerRootProps, type ComposerSubmission } from '../composer/composer.tsx';
import { useComposerDraft } from '../composer/use-composer-draft.ts';
import { ChatRootContext } from './chat-root-context.ts';
import { preloadMessageParts } from './lazy-message.tsx';

export interface ChatComposerProps
  extends Omit<ComposerRootProps, 'onSubmit' | 'onStop' | 'busy' | 'attachmentKind'> {
  /** The chat to send to; without it, its `Chat.Root`'s (or the nearest `ChatProvider`'s). */
  store?: ChatStore | undefined;
  /** Turns an attachment into a content part; `fileToChatPart` (recordings: `recordingToChatPart`) by default. */
  toChatPart?: ((attachment: ComposerAttachment) => Promise<ChatPart>) | undefined;
}

/** A send that failed before any reply arrived: its draft went back into the composer. */
interface FailedTurn {
  userMessageId: string;
  replyId: string;
  text: string;
  attachments: ComposerAttachment[];
}

function defaultToChatPart(attachment: ComposerAttachment): Promise<ChatPart> {
  return attachment.origin === 'recording'
    ? recordingToChatPart(attachment.file)
    : fileToChatPart(attachment.file);
}

function isEmptyReply(message: ChatMessage | undefined): message is ChatMessage {
  return (
    message?.role === 'assistant' &&
    (message.status === 'error' || message.status === 'incomplete') &&
    message.parts.every((part) => part.type === 'text' && part.text === '') &&
    !message.toolCalls?.length &&
    !message.reasoning?.text
  );
}

/** The failed turn whose user message carries `parts`, when it is the last turn and nothing of a reply came. */
function findFailedTurn(
  state: ChatState,
  parts: ChatPart[],
): Omit<FailedTurn, 'text' | 'attachments'> | undefined {
  const ids = state.messageIds;
  const replyId = ids.at(-1);
  const userMessageId = ids.at(-2);
  if (replyId === undefined || userMessageId === undefined) return undefined;
  const reply = state.messagesById[replyId];
  if (!isEmptyReply(reply) || state.messagesById[userMessageId]?.parts !== parts) return undefined;
  return { userMessageId, replyId };
}

function isStillFailed(state: ChatState, turn: FailedTurn): boolean {
  const ids = state.messageIds;
  return (
    ids.at(-1) === turn.replyId &&
    ids.at(-2) === turn.userMessageId &&
    isEmptyReply(state.messagesById[turn.replyId])
  );
}

const NO_SUBSCRIPTION = () => () => {};

/**
 * The input modalities of the model chosen in the nearest `PreferencesProvider` (a `Chat.ModelPicker`),
 * so Attach and Record offer only what that model takes; `undefined` when no model is chosen.
 */
function useChosenModalities(): readonly Modality[] | undefined {
  const preferences = useOptionalPreferencesStore();
  return React.useSyncExternalStore(
    preferences?.subscribe ?? NO_SUBSCRIPTION,
    () => preferences?.getState().selectedModel?.architecture.input_modalities,
    () => undefined,
  );
}

/**
 * The composer wired to a chat: sends the draft and its files as content parts, offers Stop while
 * the reply streams and while a tool round runs by itself (not while a call waits for approval),
 * and keeps the draft when the send fails before a reply arrives (sending it again replaces the
 * failed attempt).
 *
 * @example
 * <Chat.Root options={{ baseURL: '/api/v1', model: 'parley/vision' }}>
 *   <Chat.Messages />
 *   <Chat.Composer acceptedModalities={['text', 'image']} />
 * </Chat.Root>
 */
export function ChatComposer({
  store: storeProp,
  toChatPart = defaultToChatPart,
  inputRef,
  apiRef,
  ...composerProps
}: ChatComposerProps) {
  const store = useChatStore(storeProp);
  const root = React.useContext(ChatRootContext);
  const draftRef = root?.draftRef;
  // The app's apiRef and the chat's (Rephrase in Chat.Messages) both get the composer's API.
  const composedApiRef = useComposedRefs(apiRef, root?.composerRef);
  const status = useChatStatus(store);
  const {
    value,
    setValue,
    attachments,
    setAttachments,
    rest: props,
  } = useComposerDraft(composerProps, 'ChatComposer');
  const chosenModalities = useChosenModalities();
  // A message is on its way: what its row renders with starts loading now (see lazy-message.tsx).
  const drafting = value !== '' || attachments.length > 0;
  React.useEffect(() => {
    if (drafting) void preloadMessageParts();
  }, [drafting]);
  const failed = React.useRef<FailedTurn | undefined>(undefined);
  const draft = React.useRef({ value, attachments, setValue, setAttachments });
  draft.current = { value, attachments, setValue, setAttachments };

  const draftText = root?.draftText;
  React.useEffect(() => draftText?.set(value), [draftText, value]);

  // A failed turn that gets retried (from the error notice or the message) takes its draft with it:
  // the same question must not wait in the composer to be sent a second time.
  React.useEffect(
    () =>
      store.subscribe((state) => {
        const turn = failed.current;
        if (!turn) return;
        const reply = state.messagesById[turn.replyId];
        if (reply && (reply.status === 'pending' || reply.status === 'streaming')) {
          failed.current = undefined;
          const current = draft.current;
          if (current.value === turn.text && current.attachments === turn.attachments) {
            current.setValue('');
            current.setAttachments([]);
          }
        } else if (!isStillFailed(state, turn)) {
          failed.current = undefined;
        }
      }),
    [store],
  );

  const handleSubmit = async ({ text, attachments: files }: ComposerSubmission): Promise<boolean> => {
    const parts: ChatPart[] = text.trim() === '' ? [] : [{ type: 'text', text }];
    for (const attachment of files) parts.push(await toChatPart(attachment));
    const previous = failed.current;
    failed.current = undefined;
    // Sending again after a failed send replaces that attempt (kept as a version) instead of
    // asking the same question twice.
    if (previous && isStillFailed(store.getState(), previous))
      await store.edit(previous.userMessageId, parts);
    else await store.send(parts);
    const turn = findFailedTurn(store.getState(), parts);
    if (!turn) return true;
    failed.current = { ...turn, text, attachments: files };
    return false;
  };

  return (
    <ComposerRoot
      {...props}
      acceptedModalities={props.acceptedModalities ?? chosenModalities}
      inputRef={inputRef ?? draftRef ?? undefined}
      apiRef={composedApiRef}
      value={value}
      onValueChange={setValue}
      attachments={attachments}
      onAttachmentsChange={setAttachments}
      attachmentKind={attachmentKind}
      busy={status === 'submitted' || status === 'streaming'}
      onSubmit={handleSubmit}
      onStop={store.stop}
    />
  );
}
