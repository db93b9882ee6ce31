import type { FinishReason } from '@parley/client';
import type { ChatErrorInfo } from '@parley/client/chat';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { simulatedCompletion } from '../__fixtures__/simulated-completion.ts';
import * as Refusal from '../refusal/index.ts';
import * as FinishNotice from './index.ts';

const ask = (scenario: string, extra: Record<string, unknown> = {}) =>
  simulatedCompletion({
    model: 'parley/echo',
    messages: [{ role: 'user', content: 'Tell me about the lighthouse keeper' }],
    metadata: { parley_scenario: scenario },
    ...extra,
  });

describe('FinishNotice', () => {
  it('says a max_tokens cut ended the reply and offers Continue, by keyboard', async () => {
    const completion = await ask('none', { max_tokens: 4 });
    const onContinue = vi.fn();
    const { container } = render(
      <FinishNotice.Root reason={completion.choices[0]?.finish_reason} onContinue={onContinue} />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Cut short: the reply reached its length limit.',
    );
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onContinue).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  it('offers Rephrase after a content filter stop and Retry after an error finish', async () => {
    const completion = await ask('content-filter;after=3');
    const onRephrase = vi.fn();
    const { rerender } = render(
      <FinishNotice.Root reason={completion.choices[0]?.finish_reason} onRephrase={onRephrase} />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent("Stopped by the provider's content filter.");
    await userEvent.click(screen.getByRole('button', { name: 'Rephrase' }));
    expect(onRephrase).toHaveBeenCalledOnce();
    rerender(<FinishNotice.Root reason="error" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/ended with an error/);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it.each([
    ['stop', null, null],
    ['tool_calls', null, null],
    ['length', 'Cut short: the reply reached its length limit.', 'Continue'],
    ['content_filter', "Stopped by the provider's content filter.", 'Rephrase'],
    ['error', 'The reply ended with an error before it was complete.', 'Retry'],
  ] satisfies [FinishReason, string | null, string | null][])(
    'presents the finish reason %s of the spec',
    async (reason, text, action) => {
      const act = vi.fn();
      const { container } = render(
        <FinishNotice.Root reason={reason} onContinue={act} onRephrase={act} onRetry={act} />,
      );
      if (text === null || action === null) {
        expect(container).toBeEmptyDOMElement();
        return;
      }
      expect(await screen.findByText(text)).toBeVisible();
      await userEvent.click(screen.getByRole('button', { name: action }));
      expect(act).toHaveBeenCalledOnce();
    },
  );

  it('shows what the provider reported after an error finish, in full', async () => {
    const error: ChatErrorInfo = {
      kind: 'stream',
      message: 'Provider returned error',
      code: 502,
      type: 'provider_error',
      providerName: 'Mynah',
    };
    const { container } = render(<FinishNotice.Root reason="error" error={error} onRetry={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/ended with an error/);
    expect(screen.getByText('Provider returned error')).toBeVisible();
    expect(screen.getByText('Provider').nextElementSibling).toHaveTextContent('Mynah');
    expect(screen.getByText('Code').nextElementSibling).toHaveTextContent('502');
    await expectNoAxeViolations(container);
  });

  it('ignores an error given with a finish that is not an error', () => {
    render(<FinishNotice.Root reason="length" error={{ kind: 'stream', message: 'Not shown' }} />);
    expect(screen.queryByText('Not shown')).toBeNull();
  });

  it('shows nothing for a reason outside the spec', () => {
    const { container } = render(<FinishNotice.Root reason="end_turn" onRetry={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('Refusal', () => {
  it('renders the simulator’s refusal as a note apart from content', async () => {
    const completion = await ask('refusal');
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    const { container } = render(<Refusal.Root refusal={message?.refusal ?? undefined} />);
    const note = screen.getByRole('note', { name: 'The model declined to answer' });
    expect(note).toHaveTextContent("I'm sorry, but I can't help with that request.");
    await expectNoAxeViolations(container);
  });
});
