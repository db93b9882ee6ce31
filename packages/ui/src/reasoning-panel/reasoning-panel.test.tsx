import type { ChatReasoning } from '@parley/client/chat';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { assistantReasoning } from '../__fixtures__/messages.ts';
import * as ReasoningPanel from './index.ts';

const finished = assistantReasoning.reasoning!;
const partial: ChatReasoning = { text: 'First I consider the question', details: [] };

function Panel(props: ReasoningPanel.ReasoningPanelRootProps) {
  return (
    <ReasoningPanel.Root {...props}>
      <ReasoningPanel.Trigger />
      <ReasoningPanel.Content />
    </ReasoningPanel.Root>
  );
}

describe('ReasoningPanel', () => {
  it('is open and says "Thinking…" while reasoning streams, then closes with its duration', () => {
    const { rerender } = render(<Panel reasoning={partial} streaming />);
    const trigger = screen.getByRole('button', { name: 'Thinking…' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('First I consider the question')).toBeInTheDocument();

    rerender(<Panel reasoning={{ ...partial, durationMs: 3200 }} streaming={false} />);
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('First I consider the question')).toBeNull();
  });

  it('keeps the choice of a person who closed it mid-stream', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    const { rerender } = render(<Panel reasoning={partial} streaming onOpenChange={onOpenChange} />);
    await user.click(screen.getByRole('button', { name: 'Thinking…' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    rerender(
      <Panel
        reasoning={{ ...partial, text: `${partial.text} more` }}
        streaming
        onOpenChange={onOpenChange}
      />,
    );
    expect(screen.getByRole('button', { name: 'Thinking…' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens by keyboard after the reply and shows summary, full text and hidden reasoning as what they are', async () => {
    const user = userEvent.setup();
    const { container } = render(<Panel reasoning={finished} reasoningTokens={184} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: 'Reasoning summary' })).toHaveTextContent(
      'Recalled the reference and checked 6 × 7.',
    );
    expect(screen.getByRole('region', { name: 'Full reasoning' })).toHaveTextContent('6 × 7 = 42');
    expect(screen.getByText(/Hidden reasoning: 184 tokens/)).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('follows a controlled open prop', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(<Panel reasoning={finished} open onOpenChange={onOpenChange} />);
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Thought for 3 s' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    expect(screen.getByRole('button', { name: 'Thought for 3 s' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('says hidden reasoning has no known size when usage does not tell', () => {
    render(
      <Panel
        reasoning={{ text: '', details: [{ type: 'reasoning.encrypted', data: 'xyz' }], durationMs: 900 }}
        defaultOpen
      />,
    );
    expect(screen.getByText('Hidden reasoning: the provider keeps it encrypted.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thought for 1 s' })).toBeInTheDocument();
  });
});
