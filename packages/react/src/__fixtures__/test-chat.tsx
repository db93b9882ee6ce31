/**
 * A minimal chat UI for the hook tests, queried as a user would: messages are list items named by
 * role and status, actions are buttons, state changes are announced in a status line.
 */
import type { ChatCompletionParams } from '@parley/client';
import type { ChatMessage } from '@parley/client/chat';
import { inject } from 'vitest';
import { type UseChatCompletionOptions, useChatCompletion } from '../use-chat-completion.ts';

export const simulatorBaseURL = () => `${inject('simulatorUrl')}/api/v1`;
/** A second simulator that answers only {@link guardedSimulatorKey}, for switching endpoint and key. */
export const guardedSimulatorBaseURL = () => `${inject('guardedSimulatorUrl')}/api/v1`;
export const guardedSimulatorKey = () => inject('guardedSimulatorKey');

let counter = 0;
/** A name no other test uses, for scenario keys and hold ids. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Releases streams held by the `hold` scenario under `id`. */
export async function releaseHold(id: string): Promise<void> {
  await fetch(`${inject('simulatorUrl')}/api/v1/_parley/release?id=${encodeURIComponent(id)}`, { method: 'POST' });
}

/** A fetch that lets every request through to the simulator and keeps the chat requests' bodies. */
export function recordingFetch() {
  const bodies: ChatCompletionParams[] = [];
  const recording: typeof fetch = (input, init) => {
    if (String(input).endsWith('/chat/completions') && typeof init?.body === 'string') {
      bodies.push(JSON.parse(init.body) as ChatCompletionParams);
    }
    return fetch(input, init);
  };
  return { bodies, fetch: recording };
}

export const textOf = (message: Pick<ChatMessage, 'parts'>) =>
  message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('');

export function TestChat({ input = 'Hello there', ...options }: UseChatCompletionOptions & { input?: string }) {
  const chat = useChatCompletion({ baseURL: simulatorBaseURL(), model: 'parley/echo', ...options });
  return (
    <div>
      <p role="status" aria-label="Chat status">
        {chat.status}
      </p>
      <ol aria-label="Messages">
        {chat.messages.map((message) => (
          <li key={message.id} aria-label={`${message.role} ${message.status}`}>
            <p>{textOf(message)}</p>
            {message.notice && <p role="note">{message.notice.message}</p>}
            {message.toolCalls?.map((call) => (
              <div key={call.id} role="group" aria-label={`${call.name} ${call.state}`}>
                <code>{call.argumentsText}</code>
                {call.state === 'awaiting-approval' && (
                  <>
                    <button type="button" onClick={() => chat.approveToolCall(call.id)}>
                      Approve {call.name}
                    </button>
                    <button type="button" onClick={() => chat.denyToolCall(call.id, 'not today')}>
                      Deny {call.name}
                    </button>
                  </>
                )}
                {call.result !== undefined && <p>Result: {call.result}</p>}
              </div>
            ))}
          </li>
        ))}
      </ol>
      {chat.error && <p role="alert">{chat.error.message}</p>}
      {chat.pendingRetry && <p>Retrying, attempt {chat.pendingRetry.attempt}</p>}
      <button type="button" onClick={() => void chat.send(input)}>
        Send
      </button>
      <button type="button" onClick={chat.stop}>
        Stop
      </button>
      <button type="button" onClick={() => void chat.retry()}>
        Retry
      </button>
    </div>
  );
}

// Provided by the root vitest.global-setup.ts, which this package's tsconfig does not include.
declare module 'vitest' {
  export interface ProvidedContext {
    simulatorUrl: string;
    guardedSimulatorUrl: string;
    guardedSimulatorKey: string;
  }
}
