import { toChatErrorInfo } from '@parley/client';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import * as ErrorNotice from './index.ts';

/** The simulator's error for `scenario`, as the chat stores it. */
async function failWith(scenario: string, content = 'Tell me about the lighthouse keeper') {
  const error = await simulatedCompletion({
    model: 'parley/echo',
    messages: [{ role: 'user', content }],
    metadata: { parley_scenario: scenario },
  }).catch((caught: unknown) => caught);
  return toChatErrorInfo(error);
}

const field = (term: string) => {
  const list = screen.getByRole('alert').querySelector('[data-slot="error-notice-fields"]') as HTMLElement;
  return within(list).getByText(term).nextElementSibling?.textContent;
};

describe('ErrorNotice with the simulator’s error bodies', () => {
  it('shows a moderation 403 in full: reasons, flagged input, code, type and provider', async () => {
    const error = await failWith('moderation', 'Please flag this message for me');
    const { container } = render(<ErrorNotice.Root error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Flagged by moderation');
    expect(screen.getByText(/flagged the message for harassment, violence/)).toBeVisible();
    expect(field('Moderation reasons')).toBe('harassment, violence');
    expect(field('Flagged input')).toBe('Please flag this message for me');
    expect(field('Code')).toBe('moderation_flagged');
    expect(field('Type')).toBe('invalid_request_error');
    expect(field('Provider')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it.each([
    ['upstream-timeout', 524, /did not answer in time \(HTTP 524\)/],
    ['gateway-timeout', 504, /gave up waiting for it \(HTTP 504\)/],
    ['timeout', 408, /No answer came in time/],
  ])('reads %s (HTTP %i) as a timeout', async (scenario, status, description) => {
    const error = await failWith(scenario);
    expect(error.status).toBe(status);
    render(<ErrorNotice.Root error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('The request timed out');
    expect(screen.getByText(description)).toBeVisible();
  });

  it('names the parameter of an invalid request', async () => {
    const error = toChatErrorInfo(
      await simulatedCompletion({
        model: 'parley/echo',
        messages: [{ role: 'user', content: 'hi' }],
        temperature: 5,
      }).catch((caught: unknown) => caught),
    );
    render(<ErrorNotice.Root error={error} />);
    expect(field('Parameter')).toBe('temperature');
    expect(field('Type')).toBe('invalid_request_error');
  });
});
