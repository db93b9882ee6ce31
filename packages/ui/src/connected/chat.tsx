/** @jsxImportSource ../jsx */
'use client';
import type { Modality } from '@parley/client';
import type { ChatStore } from '@parley/client/chat';
import {
  type ChatOptions,
  ChatProvider,
  PreferencesProvider,
  useChatStatus,
  useChatStore,
  useOptionalPreferencesStore,
} from '@parley/react';
import * as React from 'react';
import type { ComposerApi } from '../composer/composer.tsx';
import { ChatComposer } from './chat-composer.tsx';
import { ChatErrorNotice } from './chat-error-notice.tsx';
import { ChatMessages } from './chat-messages.tsx';
import { ChatRootContext, createDraftText } from './chat-root-context.ts';
import { ChatStorageNotice } from './chat-storage-notice.tsx';
import { ChatUsage } from './chat-usage.tsx';
import { usePreloadOnMessages } from './conversation-preview.tsx';

export interface ChatRootProps extends React.ComponentProps<'section'> {
  /** A store made elsewhere (shared with other components). */
  store?: ChatStore | undefined;
  /**
   * Options to create the chat's own store with. Read when used: a new `model`, parameters or tools
   * apply to the next request. Without `store` or `options`, the nearest `ChatProvider`'s store.
   */
  options?: ChatOptions | undefined;
  /** The selected model's input modalities: which files the default composer takes. */
  acceptedModalities?: readonly Modality[] | undefined;
  /** Opens wherever the app lets the person change the API key; offered when the server refuses it (401). */
  onChangeKey?: (() => void) | undefined;
}

function ChatFrame({
  acceptedModalities,
  onChangeKey,
  conversationId,
  children,
  ...props
}: Omit<ChatRootProps, 'options' | 'store'> & { conversationId?: string | undefined }) {
  const store = useChatStore();
  const status = useChatStatus(store);
  usePreloadOnMessages(store);
  const draftRef = React.useRef<HTMLTextAreaElement | null>(null);
  const composerRef = React.useRef<ComposerApi | null>(null);
  const [draftText] = React.useState(createDraftText);
  const context = React.useMemo(
    () => ({ draftRef, composerRef, draftText, onChangeKey, conversationId }),
    [draftText, onChangeKey, conversationId],
  );
  return (
    <ChatRootContext.Provider value={context}>
      <section data-slot="chat" data-status={status} aria-label="Chat" {...props}>
        {children === undefined ? (
          <>
            <ChatMessages />
            <ChatErrorNotice />
            <ChatStorageNotice />
            <ChatUsage />
            <ChatComposer acceptedModalities={acceptedModalities} />
          </>
        ) : (
          children
        )}
      </section>
    </ChatRootContext.Provider>
  );
}

/**
 * A chat wired to one store (given, made from `options`, or the nearest `ChatProvider`'s). Without
 * children it is the whole chat in one tag: the conversation, the error notice, the "not saved"
 * notice and the composer.
 * With children, place `Chat.Messages`, `Chat.ErrorNotice` and `Chat.Composer` (and anything else)
 * where you want them; they share the store, and the notice returns focus to the draft.
 * `Chat.ModelPicker`, `Chat.ProviderPrefs` and `Chat.ParametersPanel` set what the next request
 * sends, through the nearest `PreferencesProvider` (one is made when there is none; a `store`
 * made elsewhere follows preferences only if it was made under that provider).
 *
 * @example
 * <Chat.Root options={{ baseURL: '/api/v1', model: 'parley/echo' }} style={{ height: 600 }} />
 * <Chat.Root options={options}>
 *   <Chat.Messages actions={{ delete: false }} />
 *   <Chat.ErrorNotice />
 *   <Chat.Composer acceptedModalities={['text', 'image']} />
 * </Chat.Root>
 */
export function ChatRoot({ store, options, ...props }: ChatRootProps) {
  // Without either, the parts find the nearest ChatProvider's store themselves.
  if (!store && !options) return <ChatFrame {...props} />;
  return (
    <OwnPreferences>
      <ChatProvider store={store} options={options}>
        <ChatFrame conversationId={options?.conversationId} {...props} />
      </ChatProvider>
    </OwnPreferences>
  );
}

/**
 * A preferences store for the chat when none is above, so `Chat.ModelPicker` and the other
 * settings parts work inside a lone `Chat.Root`; one above (shared by several chats) wins.
 */
function OwnPreferences({ children }: { children: React.ReactNode }) {
  const above = useOptionalPreferencesStore();
  return above ? children : <PreferencesProvider>{children}</PreferencesProvider>;
}
