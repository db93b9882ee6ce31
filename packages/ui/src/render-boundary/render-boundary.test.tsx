import { createParleyClient } from '@parley/client';
import type { ChatMessage, ChatStore, ChatTextPart } from '@parley/client/chat';
import { createChatStore } from '@parley/client/chat';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { simulatorBaseURL } from '../__fixtures__/simulator.ts';
import { ChatMessages } from '../connected/chat-messages.tsx';
import type { ContentPartProps } from '../content-parts/content-part-types.ts';
import { ContentParts } from '../content-parts/content-parts.tsx';

// A renderer that fails on one text, as a bug or hostile input would make a real one fail.
function FragileText({ part }: ContentPartProps<ChatTextPart>) {
  if (part.text.includes('boom')) throw new Error('renderer failed');
  return <p>{part.text}</p>;
}
const fragile = { text: FragileText };

const stores: ChatStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

const message = (id: string, role: 'user' | 'assistant', parts: unknown): ChatMessage =>
  ({ id, role, parts, createdAt: 0, status: 'complete' }) as ChatMessage;

describe('PartBoundary', () => {
  it('shows a failing part as escaped text with a notice and keeps the other parts', async () => {
    const { container } = render(
      <ContentParts
        messageRole="assistant"
        components={fragile}
        parts={[
          { type: 'text', text: 'Fine before' },
          { type: 'text', text: 'boom <script>window.__boom = 1</script>' },
          { type: 'text', text: 'Fine after' },
        ]}
      />,
    );
    expect(screen.getByText('Fine before')).toBeInTheDocument();
    expect(screen.getByText('Fine after')).toBeInTheDocument();
    expect(screen.getByText(/this part could not be displayed/i)).toBeInTheDocument();
    expect(screen.getByText('boom <script>window.__boom = 1</script>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('tries a streaming part again when its next token arrives', () => {
    const view = (text: string) => (
      <ContentParts messageRole="assistant" components={fragile} streaming parts={[{ type: 'text', text }]} />
    );
    const { rerender } = render(view('a boom'));
    expect(screen.getByText(/could not be displayed/i)).toBeInTheDocument();
    rerender(view('a bo-om, fixed'));
    expect(screen.queryByText(/could not be displayed/i)).toBeNull();
    expect(screen.getByText('a bo-om, fixed')).toBeInTheDocument();
  });
});

describe('MessageBoundary in ChatMessages', () => {
  it('keeps the conversation up around a saved message that cannot render, which can be read, copied and deleted', async () => {
    const user = userEvent.setup();
    const broken = message('m2', 'assistant', [{ type: 'text', text: 'The saved answer' }, null]);
    const store = createChatStore({
      client: createParleyClient({ baseURL: simulatorBaseURL() }),
      model: 'parley/echo',
      initialMessages: [
        message('m1', 'user', [{ type: 'text', text: 'A question' }]),
        broken,
        message('m3', 'user', [{ type: 'text', text: 'A follow-up' }]),
      ],
    });
    stores.push(store);
    const { container } = render(<ChatMessages store={store} style={{ height: 500, display: 'flex' }} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('A question')).toBeInTheDocument();
    expect(within(log).getByText('A follow-up')).toBeInTheDocument();
    const fallback = within(log).getByRole('article', { name: 'Message that could not be displayed' });
    expect(fallback).toHaveTextContent('The saved answer');

    await user.click(within(fallback).getByRole('button', { name: 'Copy message' }));
    expect(await navigator.clipboard.readText()).toBe('The saved answer');
    await expectNoAxeViolations(container);

    await user.click(within(fallback).getByRole('button', { name: 'Delete message' }));
    await waitFor(() => expect(store.getState().messageIds).toEqual(['m1', 'm3']));
    expect(within(log).queryByRole('article', { name: 'Message that could not be displayed' })).toBeNull();
  });
});
