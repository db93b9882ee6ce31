import type { Usage } from '@parley/client';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { simulatedClient, simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import * as UsageMeter from './index.ts';
import { formatCost } from './usage-numbers.ts';

const reasonerReply = () =>
  simulatedCompletion({
    model: 'parley/reasoner',
    messages: [
      { role: 'system', content: 'You are a patient tutor who explains physics to curious people.' },
      { role: 'user', content: 'Why is the sky blue?' },
      { role: 'assistant', content: 'Because of Rayleigh scattering of sunlight by the air.' },
      { role: 'user', content: 'And why are sunsets red?' },
    ],
    reasoning: { effort: 'low' },
    provider: { only: ['Parley'] },
  });

describe('UsageMeter', () => {
  it('shows the tokens and the cost the server reported for a reply', async () => {
    const completion = await reasonerReply();
    const usage = completion.usage as Usage;
    const { container } = render(<UsageMeter.Root usage={usage} label="This reply" />);
    const group = screen.getByRole('region', { name: 'This reply' });
    const value = (term: string) => within(group).getByText(term).nextElementSibling?.textContent;
    expect(value('Prompt')).toBe(`${usage.prompt_tokens.toLocaleString('en')} tokens`);
    expect(value('Completion')).toBe(`${usage.completion_tokens} tokens`);
    expect(value('Reasoning')).toBe(`${usage.completion_tokens_details?.reasoning_tokens} tokens`);
    expect(value('Cached')).toBe(`${usage.prompt_tokens_details?.cached_tokens} tokens`);
    expect(within(group).getByText(`Cost ${formatCost(usage.cost as number)}`)).toBeVisible();
    expect(within(group).queryByText('(estimate)')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('estimates the cost from the serving provider’s prices when the server did not report it, and says so', async () => {
    const completion = await reasonerReply();
    const { cost, ...unpriced } = completion.usage as Usage;
    const endpoints = await simulatedClient().models.endpoints('parley/reasoner');
    const pricing = endpoints.data.endpoints.find((endpoint) => endpoint.provider_name === 'Parley')?.pricing;
    render(<UsageMeter.Root usage={unpriced} pricing={pricing} />);
    // The simulator bills with the same per-token prices, so the estimate must match its report.
    expect(screen.getByText(/Estimated cost/)).toHaveTextContent(
      `≈ ${formatCost(cost as number)} (estimate)`,
    );
  });

  it('warns before the next send would overflow the context window', async () => {
    const { rerender, container } = render(
      <UsageMeter.ContextWindow usedTokens={1000} contextLength={8192} nextTokens={20} />,
    );
    const meter = screen.getByRole('meter', { name: 'Context window' });
    expect(meter).toHaveAttribute('aria-valuetext', '1,000 of 8,192 tokens');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    rerender(<UsageMeter.ContextWindow usedTokens={7000} contextLength={8192} nextTokens={20} />);
    expect(screen.getByRole('status')).toHaveTextContent(/close to the model’s context window/);
    rerender(<UsageMeter.ContextWindow usedTokens={8000} contextLength={8192} nextTokens={400} />);
    expect(screen.getByRole('status')).toHaveTextContent(/would not fit/);
    await expectNoAxeViolations(container);
  });
});
