'use client';
import type { Modality } from '@parley/client';
import type { ChatStore } from '@parley/client/chat';
import { type ChatOptions, ChatProvider, useChatStatus, useResolvedChatStore } from '@parley/react';
import * as React from 'react';
import {
  ChatLayoutBody,
  ChatLayoutFooter,
  ChatLayoutRoot,
  type ChatLayoutRootProps,
} from '../chat/chat-layout.tsx';
import { ChatComposer, type ChatComposerProps } from './chat-composer.tsx';
import { ChatErrorNotice, type ChatErrorNoticeProps } from './chat-error-notice.tsx';
import { ChatMessages, type ChatMessagesProps } from './chat-messages.tsx';

export interface ChatProps extends Omit<ChatLayoutRootProps, 'children' | 'status'> {
  /** A store made elsewhere (shared with other components). */
  store?: ChatStore;
  /** Options to create the chat's own store with, once. Without `store` or `options`, the nearest `ChatProvider`'s store. */
  options?: ChatOptions;
  /** The selected model's input modalities: which files the composer takes. */
  acceptedModalities?: readonly Modality[];
  /** Passed to the message list (renderers, actions, row size guess). */
  messagesProps?: Omit<ChatMessagesProps, 'store'>;
  /** Passed to the composer (a controlled draft, size limits, a recording source). */
  composerProps?: Omit<ChatComposerProps, 'store' | 'acceptedModalities'>;
  /** Passed to the error notice. */
  errorNoticeProps?: Omit<ChatErrorNoticeProps, 'store'>;
}

function ChatFrame({
  store: storeProp,
  acceptedModalities,
  messagesProps,
  composerProps,
  errorNoticeProps,
  ...props
}: Omit<ChatProps, 'options'>) {
  const store = useResolvedChatStore(storeProp);
  const status = useChatStatus(store);
  const inputRef = React.useRef<HTMLTextAreaElement | null>(null);
  // The notice disappears under the button that dismissed or retried it; the draft is where a
  // keyboard user continues.
  const focusDraft = () => inputRef.current?.focus();
  return (
    <ChatLayoutRoot status={status} {...props}>
      <ChatLayoutBody>
        <ChatMessages store={store} {...messagesProps} />
      </ChatLayoutBody>
      <ChatLayoutFooter>
        <ChatErrorNotice
          store={store}
          {...errorNoticeProps}
          onRetry={() => {
            errorNoticeProps?.onRetry?.();
            focusDraft();
          }}
          onDismiss={() => {
            errorNoticeProps?.onDismiss?.();
            focusDraft();
          }}
        />
        <ChatComposer
          store={store}
          acceptedModalities={acceptedModalities}
          inputRef={inputRef}
          {...composerProps}
        />
      </ChatLayoutFooter>
    </ChatLayoutRoot>
  );
}

/**
 * The whole chat in one tag: the conversation, the error notice and the composer, wired to one
 * store (given, made from `options`, or the nearest `ChatProvider`'s).
 *
 * @example
 * <Chat options={{ baseURL: '/api/v1', model: 'parley/echo' }} style={{ height: 600 }} />
 */
export function Chat({ options, ...props }: ChatProps) {
  if (options && !props.store) {
    return (
      <ChatProvider options={options}>
        <ChatFrame {...props} />
      </ChatProvider>
    );
  }
  return <ChatFrame {...props} />;
}
