import type { ChatToolCall } from '@parley/client/chat';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import * as ToolCall from './index.ts';
import { parsePartialToolArguments } from './parse-arguments.ts';

const call = (overrides: Partial<ChatToolCall>): ChatToolCall => ({
  id: 'call-1',
  index: 0,
  name: 'get_weather',
  argumentsText: '{"city":"Lisbon"}',
  state: 'done',
  ...overrides,
});

describe('parsePartialToolArguments', () => {
  it.each([
    ['{"city": "Lis', { city: 'Lis' }],
    ['{"items": [1, 2', { items: [1, 2] }],
    ['{"nested": {"a": tr', { nested: { a: true } }],
  ])('reads the partial JSON %s', (text, expected) => {
    expect(parsePartialToolArguments(text)).toEqual({ kind: 'json', value: expected });
  });

  it('keeps arguments that are not JSON as raw text', () => {
    expect(parsePartialToolArguments('city=Lisbon')).toEqual({ kind: 'text', text: 'city=Lisbon' });
  });
});

describe('ToolCall.Root', () => {
  it('shows the arguments live while they stream', () => {
    const { rerender } = render(
      <ToolCall.Root toolCall={call({ argumentsText: '{"city": "Lis', state: 'streaming-arguments' })} />,
    );
    const group = screen.getByRole('group', { name: 'Tool call: get_weather' });
    expect(within(group).getByText('Preparing')).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"city": "Lis"');
    rerender(
      <ToolCall.Root
        toolCall={call({ argumentsText: '{"city": "Lisbon", "unit": "c', state: 'streaming-arguments' })}
      />,
    );
    expect(screen.getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"unit": "c"');
  });

  it('asks for approval and reports the choice', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    const { container } = render(
      <ToolCall.Root toolCall={call({ state: 'awaiting-approval' })} onApprove={onApprove} onDeny={onDeny} />,
    );
    expect(screen.getByText('Needs approval')).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith('call-1');
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    expect(onDeny).toHaveBeenCalledWith('call-1');
  });

  it('shows no approval buttons once the call runs, then one summary line that opens to the result', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<ToolCall.Root toolCall={call({ state: 'running', startedAt: 5000 })} />);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'get_weather Running' })).toBeInTheDocument();
    rerender(
      <ToolCall.Root
        toolCall={call({ state: 'done', result: '{"temperature":21}', startedAt: 5000, endedAt: 5420 })}
      />,
    );
    const summary = screen.getByRole('button', { name: 'get_weather Done 420 ms' });
    expect(summary).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('figure', { name: 'Result' })).toBeNull();
    await user.click(summary);
    expect(screen.getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"city": "Lisbon"');
    expect(screen.getByRole('figure', { name: 'Result' })).toHaveTextContent('"temperature": 21');
  });

  it('tells how long a call restored from history ran, from the times saved with it', () => {
    render(
      <>
        <ToolCall.Root toolCall={call({ id: 'slow', startedAt: 1_000, endedAt: 3_400 })} />
        <ToolCall.Root
          toolCall={call({ id: 'denied', name: 'send_email', state: 'denied', endedAt: 3_400 })}
        />
      </>,
    );
    expect(screen.getByRole('button', { name: 'get_weather Done 2.4 s' })).toBeInTheDocument();
    // A denied call never ran: no duration.
    expect(screen.getByRole('button', { name: 'send_email Denied' })).toBeInTheDocument();
  });

  it('says why a call failed', () => {
    render(<ToolCall.Root toolCall={call({ state: 'failed', error: 'The weather service timed out.' })} />);
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText('The weather service timed out.')).toBeInTheDocument();
  });
});
