import type { ChatMessage } from '@parley/client/chat';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo, Profiler, type ProfilerOnRenderCallback } from 'react';
import { describe, expect, it } from 'vitest';
import { releaseHold, simulatorBaseURL, textOf, uniqueName } from './__fixtures__/test-chat.tsx';
import { ChatProvider, useChatStore } from './chat-provider.tsx';
import { useChatMessage, useChatMessageIds } from './use-chat-selectors.ts';

const renders = new Map<string, number>();
const countRender: ProfilerOnRenderCallback = (id) => renders.set(id, (renders.get(id) ?? 0) + 1);

const Row = memo(function Row({ id }: { id: string }) {
  const message = useChatMessage(id);
  if (!message) return null;
  return (
    <Profiler id={id} onRender={countRender}>
      <li aria-label={`${message.role} ${message.status}`}>{textOf(message)}</li>
    </Profiler>
  );
});

function MessageList() {
  const ids = useChatMessageIds();
  return (
    <ol aria-label="Messages">
      {ids.map((id) => (
        <Row key={id} id={id} />
      ))}
    </ol>
  );
}

function SendButton() {
  const { send } = useChatStore();
  return (
    <button type="button" onClick={() => void send('Tell me something long')}>
      Send
    </button>
  );
}

const history: ChatMessage[] = Array.from({ length: 1000 }, (_, index) => ({
  id: `old-${index}`,
  role: index % 2 === 0 ? 'user' : 'assistant',
  parts: [{ type: 'text', text: `Earlier message ${index}` }],
  createdAt: index,
  status: 'complete',
}));

describe('per-message subscriptions', () => {
  it('renders no other row while a reply streams into a conversation of 1,000 messages', async () => {
    const hold = uniqueName('render-count');
    render(
      <ChatProvider
        options={{
          baseURL: simulatorBaseURL(),
          model: 'parley/echo',
          initialMessages: history,
          params: { metadata: { parley_scenario: `hold;after=6;id=${hold};pace=0` } },
        }}
      >
        <MessageList />
        <SendButton />
      </ChatProvider>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(1000);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    const patient = { timeout: 8000 };
    const streaming = await screen.findByRole('listitem', { name: 'assistant streaming' }, patient);
    await waitFor(() => expect(streaming.textContent?.length).toBeGreaterThan(10), patient);
    const oldRows = history.map((message) => renders.get(message.id));
    expect(oldRows.every((count) => count === 1)).toBe(true);

    await releaseHold(hold);
    await waitFor(() =>
      expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(501),
    );
    expect(history.map((message) => renders.get(message.id)).every((count) => count === 1)).toBe(true);

    const ids = [...renders.keys()].filter((id) => !id.startsWith('old-'));
    const [userRow, replyRow] = ids;
    expect(renders.get(userRow ?? '')).toBe(1);
    // The reply row itself did re-render as tokens arrived: the counter sees renders.
    expect(renders.get(replyRow ?? '')).toBeGreaterThan(2);
  });
});
