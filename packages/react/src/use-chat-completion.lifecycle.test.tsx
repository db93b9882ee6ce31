import { type ChatStore, createLocalStoragePersistence } from '@parley/client/chat';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { releaseHold, simulatorBaseURL, textOf, uniqueName } from './__fixtures__/test-chat.tsx';
import { type UseChatCompletionOptions, useChatCompletion } from './use-chat-completion.ts';

const PATIENT = { timeout: 8000 };

function Chat({ onStore, ...options }: UseChatCompletionOptions & { onStore?: (store: ChatStore) => void }) {
  const chat = useChatCompletion({ baseURL: simulatorBaseURL(), model: 'parley/echo', ...options });
  onStore?.(chat.store);
  return (
    <>
      <ol aria-label="Messages">
        {chat.messages.map((message) => (
          <li key={message.id} aria-label={`${message.role} ${message.status}`}>
            {textOf(message)}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void chat.send('Remember this')}>
        Send
      </button>
    </>
  );
}

describe('useChatCompletion over a component’s life', () => {
  it('aborts the request when the component unmounts, keeping the partial reply', async () => {
    const hold = uniqueName('unmount');
    const signals: AbortSignal[] = [];
    let store: ChatStore | undefined;
    const { unmount } = render(
      <Chat
        params={{ metadata: { parley_scenario: `hold;after=3;id=${hold};pace=0` } }}
        fetch={(input, init) => {
          if (init?.signal) signals.push(init.signal);
          return fetch(input, init);
        }}
        onStore={(given) => {
          store = given;
        }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const streaming = await screen.findByRole('listitem', { name: 'assistant streaming' }, PATIENT);
    await waitFor(() => expect(streaming.textContent).not.toBe(''), PATIENT);
    unmount();
    try {
      expect(signals.at(-1)?.aborted).toBe(true);
      const reply = store?.getState().messagesById[store.getState().messageIds[1] ?? ''];
      expect(reply?.status).toBe('aborted');
      expect(textOf(reply ?? { parts: [] })).not.toBe('');
      expect(store?.getState().status).toBe('idle');
    } finally {
      await releaseHold(hold);
    }
  });

  it('keeps the conversation in localStorage and shows it again on the next visit', async () => {
    const conversationId = uniqueName('visit');
    const options = {
      persistence: createLocalStoragePersistence(),
      conversationId,
      params: { metadata: { parley_scenario: 'slow;pace=0' } },
    };
    try {
      const first = render(<Chat {...options} />);
      await userEvent.click(screen.getByRole('button', { name: 'Send' }));
      await screen.findByRole('listitem', { name: 'assistant complete' }, PATIENT);
      await waitFor(() => expect(localStorage.getItem(`parley:chat:${conversationId}`)).not.toBeNull());
      const shown = screen.getAllByRole('listitem').map((item) => item.textContent);
      first.unmount();

      render(<Chat {...options} />);
      // Restored on the first render: localStorage answers synchronously, so nothing flashes empty.
      expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(shown);
      expect(screen.getByRole('listitem', { name: 'user complete' })).toHaveTextContent('Remember this');
    } finally {
      localStorage.removeItem(`parley:chat:${conversationId}`);
    }
  });
});
