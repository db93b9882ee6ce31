import { createSimulator } from '@parley/mock-server';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { useSimulatedStream } from '../__fixtures__/use-simulated-stream.ts';
import { formatProbability, leastConfidentSpans, probabilityOf } from './confidence.ts';
import * as LogprobsView from './index.ts';

const body = {
  model: 'parley/echo',
  messages: [{ role: 'user' as const, content: 'Describe the old lighthouse by the harbour' }],
  logprobs: true,
  top_logprobs: 3,
  metadata: { parley_scenario: 'hold;after=4' },
};

function LiveLogprobs({ simulator }: { simulator: ReturnType<typeof createSimulator> }) {
  const { completion, done } = useSimulatedStream(body, { tokenDelayMs: 0, simulator });
  return <LogprobsView.Root logprobs={completion?.choices[0]?.logprobs?.content ?? []} streaming={!done} />;
}

describe('LogprobsView', () => {
  it('shades tokens while they stream, then lists the least confident spans', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    const { container } = render(<LiveLogprobs simulator={simulator} />);
    const toolbar = screen.getByRole('toolbar', { name: 'Reply tokens by probability' });
    await waitFor(() => expect(within(toolbar).getAllByRole('button')).toHaveLength(4));
    expect(screen.getByText(/listed when the reply is complete/)).toBeVisible();
    const first = within(toolbar).getAllByRole('button')[0] as HTMLElement;
    expect(first).toHaveAttribute('data-confidence');
    expect(first.getAttribute('aria-label')).toMatch(/ \d+%$|<1%$/);

    simulator.release('default');
    const spans = await screen.findByRole('region', { name: 'Least confident spans' });
    await waitFor(() => expect(within(spans).queryByText(/listed when/)).toBeNull());
    expect(within(toolbar).getAllByRole('button').length).toBeGreaterThan(4);
    await expectNoAxeViolations(container);
  });

  it('opens a token’s alternatives by keyboard and jumps to the least confident span', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    simulator.release('default');
    render(<LiveLogprobs simulator={simulator} />);
    const spans = await screen.findByRole('region', { name: 'Least confident spans' });
    await waitFor(() => expect(within(spans).queryByText(/listed when/)).toBeNull());

    const user = userEvent.setup();
    await user.tab();
    const tokens = within(screen.getByRole('toolbar')).getAllByRole('button');
    expect(tokens[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tokens[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    const table = await screen.findByRole('table', { name: /Top alternatives for/ });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + top 3
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
    expect(tokens[1]).toHaveFocus();

    // The simulator's seeded probabilities leave this reply a few doubtful tokens.
    const jump = within(spans).getAllByRole('button')[0] as HTMLElement;
    await user.click(jump);
    const opened = await screen.findByRole('table', { name: /Top alternatives for/ });
    expect(opened).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
    expect(document.activeElement).toHaveAttribute('data-confidence', 'low');
  });

  it('finds the least likely runs of tokens, least likely first', () => {
    const entry = (token: string, probability: number) => ({
      token,
      logprob: Math.log(probability),
      bytes: null,
      top_logprobs: [],
    });
    const spans = leastConfidentSpans(
      [
        entry('The', 0.99),
        entry(' old', 0.3),
        entry(' keeper', 0.4),
        entry(' slept', 0.95),
        entry(' soundly', 0.1),
      ],
      5,
    );
    expect(spans.map((span) => [span.text, formatProbability(span.probability)])).toEqual([
      ['soundly', '10%'],
      ['old keeper', '30%'],
    ]);
    expect(formatProbability(probabilityOf(-10))).toBe('<1%');
  });
});
