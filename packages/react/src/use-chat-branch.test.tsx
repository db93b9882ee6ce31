import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo } from 'react';
import { describe, expect, it } from 'vitest';
import { simulatorBaseURL, textOf } from './__fixtures__/test-chat.tsx';
import { ChatProvider, useChatStore } from './chat-provider.tsx';
import { useChatBranch, useChatMessage, useChatMessageIds, useChatStatus } from './use-chat-selectors.ts';

const PATIENT = { timeout: 8000 };

const Row = memo(function Row({ id }: { id: string }) {
  const message = useChatMessage(id);
  const branch = useChatBranch(id);
  const { regenerate, switchBranch } = useChatStore();
  if (!message) return null;
  return (
    <li aria-label={`${message.role} ${message.status}`}>
      <p>{textOf(message)}</p>
      {branch && (
        <nav aria-label="Versions">
          <button
            type="button"
            disabled={branch.index === 0}
            onClick={() => switchBranch(id, branch.index - 1)}
          >
            Previous version
          </button>
          <span>
            {branch.index + 1} / {branch.count}
          </span>
          <button
            type="button"
            disabled={branch.index === branch.count - 1}
            onClick={() => switchBranch(id, branch.index + 1)}
          >
            Next version
          </button>
        </nav>
      )}
      {message.role === 'assistant' && (
        <button type="button" onClick={() => void regenerate(id)}>
          Regenerate
        </button>
      )}
    </li>
  );
});

function Thread() {
  const ids = useChatMessageIds();
  const status = useChatStatus();
  const { send } = useChatStore();
  return (
    <>
      <p role="status">{status}</p>
      <ol aria-label="Messages">
        {ids.map((id) => (
          <Row key={id} id={id} />
        ))}
      </ol>
      <button type="button" onClick={() => void send('Tell me about branches')}>
        Send
      </button>
    </>
  );
}

describe('regenerate and branches through the hooks', () => {
  it('keeps the replaced reply as a version the user can go back to', async () => {
    render(
      <ChatProvider
        options={{
          baseURL: simulatorBaseURL(),
          model: 'parley/echo',
          params: { metadata: { parley_scenario: 'slow;pace=0' } },
        }}
      >
        <Thread />
      </ChatProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const first = await screen.findByRole('listitem', { name: 'assistant complete' }, PATIENT);
    const firstText = first.querySelector('p')?.textContent;
    await userEvent.click(within(first).getByRole('button', { name: 'Regenerate' }));
    const versions = await screen.findByRole('navigation', { name: 'Versions' }, PATIENT);
    expect(versions).toHaveTextContent('2 / 2');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('idle'), PATIENT);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    await userEvent.click(within(versions).getByRole('button', { name: 'Previous version' }));
    const restored = screen.getByRole('navigation', { name: 'Versions' });
    expect(restored).toHaveTextContent('1 / 2');
    expect(screen.getByRole('listitem', { name: 'assistant complete' }).querySelector('p')?.textContent).toBe(
      firstText,
    );
    expect(within(restored).getByRole('button', { name: 'Next version' })).toBeEnabled();
  });
});
