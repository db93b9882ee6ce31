import type { ChatMessage, ChatToolCall } from '@parley/client/chat';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import {
  assistantAborted,
  assistantAnswer,
  assistantError,
  assistantIncomplete,
  assistantReasoning,
  assistantStreaming,
  assistantToolCalls,
  userQuestion,
  userWithMedia,
} from '../__fixtures__/messages.ts';
import type { ToolCallRendererProps } from '../tool-call/index.ts';
import * as Message from './index.ts';

function WeatherCard({ args }: ToolCallRendererProps) {
  const city = args.kind === 'json' ? (args.value as { city?: string }).city : undefined;
  return <p>Weather card for {city ?? '…'}</p>;
}

// The fixture's weather call alone, changed as a test needs.
const withCall = (overrides: Partial<ChatToolCall>): ChatMessage => ({
  ...assistantToolCalls,
  toolCalls: (assistantToolCalls.toolCalls ?? []).slice(0, 1).map((call) => ({ ...call, ...overrides })),
});

describe('Message.Root', () => {
  it('shows who answered and, on demand, timing and usage', async () => {
    const user = userEvent.setup();
    const { container } = render(<Message.Root message={assistantAnswer} onRegenerate={() => {}} />);
    const article = screen.getByRole('article', { name: 'Assistant message' });
    expect(article).toHaveTextContent('parley/echo via Parley Simulator');
    expect(screen.queryByText('Time to first token')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('Time to first token').nextElementSibling).toHaveTextContent('0.35 s');
    // Tokens and cost once, in the usage meter, not again in the list above it.
    const usage = screen.getByRole('region', { name: 'Usage of this reply' });
    expect(within(usage).getByText('Completion').nextElementSibling).toHaveTextContent('180');
    expect(screen.getAllByText(/^(Completion|Completion tokens)$/)).toHaveLength(1);
    expect(screen.getByText('Speed').nextElementSibling).toHaveTextContent('87.8 tokens/s');
    await expectNoAxeViolations(container);
  });

  it('copies the reply and asks for a new one', async () => {
    const user = userEvent.setup();
    const onRegenerate = vi.fn();
    render(<Message.Root message={assistantAnswer} onRegenerate={onRegenerate} />);
    await user.click(screen.getByRole('button', { name: 'Copy message' }));
    expect(await navigator.clipboard.readText()).toContain('# Release notes');
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(onRegenerate).toHaveBeenCalledWith('assistant-1');
  });

  it('edits a message of yours, keeping its other parts', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn();
    render(<Message.Root message={userWithMedia} onEdit={onEdit} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const input = screen.getByRole('textbox', { name: 'Edit message' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Describe the picture only.');
    await user.click(screen.getByRole('button', { name: 'Save and send' }));
    expect(onEdit).toHaveBeenCalledWith('user-media', [
      { type: 'text', text: 'Describe the picture only.' },
      userWithMedia.parts[1],
      userWithMedia.parts[2],
    ]);
  });

  it('cancels an edit with Escape and puts focus back on Edit', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn();
    render(<Message.Root message={userQuestion} onEdit={onEdit} />);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit' })).toHaveFocus());
    expect(onEdit).not.toHaveBeenCalled();
    expect(screen.getByText(/Keep it short\./)).toBeInTheDocument();
  });

  it('says it is writing while streaming and offers no actions yet', () => {
    render(<Message.Root message={assistantStreaming} onRegenerate={() => {}} />);
    expect(screen.getByText('Writing…')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Message actions' })).toBeNull();
    expect(screen.getByRole('article')).toHaveAttribute('data-status', 'streaming');
  });

  it.each([
    [assistantAborted, /Stopped\. The reply above is partial\./],
    [assistantIncomplete, /Cut short: the reply reached its length limit\./],
  ])('says how a reply ended ($status)', (message, text) => {
    render(<Message.Root message={message} />);
    expect(screen.getByText(text)).toBeInTheDocument();
  });

  it('shows the error of a failed reply with Retry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const { container } = render(<Message.Root message={assistantError} onRetry={onRetry} />);
    expect(screen.getByText('The provider stopped responding mid-stream.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('switches between versions with the branch picker', async () => {
    const user = userEvent.setup();
    const onSwitchBranch = vi.fn();
    render(
      <Message.Root
        message={assistantAnswer}
        branch={{ index: 0, count: 3 }}
        onSwitchBranch={onSwitchBranch}
      />,
    );
    const versions = screen.getByRole('group', { name: 'Versions' });
    expect(versions).toHaveTextContent('1 / 3');
    expect(within(versions).getByRole('button', { name: 'Previous version' })).toBeDisabled();
    await user.click(within(versions).getByRole('button', { name: 'Next version' }));
    expect(onSwitchBranch).toHaveBeenCalledWith('assistant-1', 1);
  });

  it('hides the branch picker when there is one version', () => {
    render(<Message.Root message={assistantAnswer} branch={{ index: 0, count: 1 }} />);
    expect(screen.queryByRole('group', { name: 'Versions' })).toBeNull();
  });

  it('shows reasoning closed after the reply, and tool calls awaiting approval', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    render(
      <>
        <Message.Root message={assistantReasoning} />
        <Message.Root message={assistantToolCalls} onApproveToolCall={onApprove} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toHaveAttribute('aria-expanded', 'false');
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith('call-email');
  });

  it('keeps the reasoning open and says "Thinking…" while the model reasons', () => {
    const reasoning = { text: 'Considering the question', details: [] };
    const { rerender } = render(<Message.Root message={{ ...assistantStreaming, parts: [], reasoning }} />);
    expect(screen.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'true');
    rerender(
      <Message.Root message={{ ...assistantStreaming, reasoning: { ...reasoning, durationMs: 2000 } }} />,
    );
    expect(screen.getByRole('button', { name: 'Thought for 2 s' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('says why a tool loop stopped when the chat hit a limit', () => {
    render(
      <Message.Root
        message={{
          ...assistantToolCalls,
          notice: { code: 'max-tool-rounds', message: 'Stopped after 5 tool rounds.' },
        }}
      />,
    );
    expect(screen.getByText('Stopped after 5 tool rounds.')).toBeInTheDocument();
  });

  it('renders a tool call with the renderer registered for its name', () => {
    const renderers = { get_weather: WeatherCard };
    const { rerender } = render(<Message.Root message={withCall({})} toolRenderers={renderers} />);
    expect(screen.getByText('Weather card for Lisbon')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^get_weather/ })).toBeNull();
    rerender(<Message.Root message={withCall({ name: 'other' })} toolRenderers={renderers} />);
    expect(screen.getByRole('button', { name: /^other/ })).toHaveAttribute('aria-expanded', 'false');
  });
});
