import type { ChatTool } from '@parley/client/chat';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { releaseHold, TestChat, uniqueName } from './__fixtures__/test-chat.tsx';

const scenario = (value: string) => ({ metadata: { parley_scenario: value } });
// The machine running the suite may be busy; a whole tool round can take more than the default second.
const PATIENT = { timeout: 8000 };
const assistant = (status: string) => screen.findByRole('listitem', { name: `assistant ${status}` }, PATIENT);
const status = () => screen.getByRole('status', { name: 'Chat status' });

describe('useChatCompletion against the simulator', () => {
  it('streams a reply from the model into the conversation', async () => {
    render(<TestChat input="Hello there" params={scenario('slow;pace=0')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('listitem', { name: 'user complete' })).toHaveTextContent('Hello there');
    expect(await assistant('complete')).toHaveTextContent(/Hello there/);
    await waitFor(() => expect(status()).toHaveTextContent('idle'), PATIENT);
  });

  it('keeps the partial reply, marked aborted, when the user stops mid-stream', async () => {
    const id = uniqueName('stop');
    render(<TestChat params={scenario(`hold;after=3;id=${id};pace=0`)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const streaming = await assistant('streaming');
    await waitFor(() => expect(streaming.textContent).not.toBe(''), PATIENT);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    const stopped = await assistant('aborted');
    const partial = stopped.textContent;
    expect(partial).not.toBe('');
    expect(status()).toHaveTextContent('idle');
    await releaseHold(id);
    expect((await assistant('aborted')).textContent).toBe(partial);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the partial reply when the stream drops, and retry completes it', async () => {
    const key = uniqueName('drop');
    // Paced so the tokens reach the browser before the connection reset, which may discard
    // whatever is still unread in the socket (as a real dropped connection can).
    render(<TestChat params={scenario(`drop;after=3;times=1;key=${key};pace=10`)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const cut = await assistant('incomplete');
    expect(cut.textContent).not.toBe('');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'user complete' })).toHaveTextContent('Hello there');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await assistant('complete')).toHaveTextContent(/Hello there/);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('marks the reply as an error when the provider fails mid-stream', async () => {
    render(<TestChat params={scenario('error-mid-stream;after=3;pace=0')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const failed = await assistant('error');
    expect(failed.textContent).not.toBe('');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(status()).toHaveTextContent('error');
  });

  it('shows the retry countdown of a rate-limited request, then the reply', async () => {
    const key = uniqueName('429');
    render(<TestChat params={scenario(`rate-limit;times=1;key=${key};retry-after=1;pace=0`)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Retrying, attempt 1', {}, PATIENT)).toBeInTheDocument();
    // The simulator asked for one second; the reply comes after it.
    const reply = await screen.findByRole('listitem', { name: 'assistant complete' }, PATIENT);
    expect(reply).toHaveTextContent(/Hello there/);
    expect(screen.queryByText(/Retrying/)).toBeNull();
  });

  it('sends reasoning_details back unchanged, so the reasoning model answers a second turn', async () => {
    const { rerender } = render(
      <TestChat model="parley/reasoner" input="Why is the sky blue?" params={scenario('slow;pace=0')} />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await assistant('complete');
    rerender(<TestChat model="parley/reasoner" input="And at sunset?" params={scenario('slow;pace=0')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(2),
      PATIENT,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

const weather = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
};

/** The tools of a weather question: one `get_weather` tool running `execute`. */
const weatherTools = (execute: NonNullable<ChatTool['execute']>): Record<string, ChatTool> => ({
  get_weather: { description: 'Current weather for a city', parameters: weather, execute },
});

/** A chat whose `send_email` tool needs the user's approval; `onSend` counts the emails sent. */
function EmailChat({ onSend }: { onSend: () => void }) {
  return (
    <TestChat
      model="parley/tool-caller"
      input="Send an email to Ada"
      params={scenario('slow;pace=0')}
      tools={{
        send_email: {
          description: 'Send an email',
          parameters: { type: 'object', properties: { to: { type: 'string' } } },
          needsApproval: true,
          execute: () => {
            onSend();
            return 'sent';
          },
        },
      }}
    />
  );
}

describe('useChatCompletion tool rounds against the simulator', () => {
  it('runs parallel tool calls and continues with their results', async () => {
    const cities: string[] = [];
    render(
      <TestChat
        model="parley/tool-caller"
        input="What is the weather in Paris and Rome?"
        params={scenario('slow;pace=0')}
        tools={weatherTools(async (args) => {
          cities.push((args as { city: string }).city);
          return { temperature: 21, conditions: 'sunny' };
        })}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(2),
      PATIENT,
    );
    expect(cities.sort()).toEqual(['Paris', 'Rome']);
    expect(screen.getAllByRole('group', { name: 'get_weather done' })).toHaveLength(2);
    expect(screen.getAllByRole('listitem', { name: 'assistant complete' })[1]).toHaveTextContent(
      /get_weather/,
    );
    expect(status()).toHaveTextContent('idle');
  });

  it('tells the model about a failing tool and still answers', async () => {
    render(
      <TestChat
        model="parley/tool-caller"
        input="What is the weather in Oslo?"
        params={scenario('slow;pace=0')}
        tools={weatherTools(() => {
          throw new Error('Weather service unreachable');
        })}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const call = await screen.findByRole('group', { name: 'get_weather failed' }, PATIENT);
    expect(within(call).getByText(/^Result:/)).toHaveTextContent(
      'Result: Error: Weather service unreachable',
    );
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(2),
      PATIENT,
    );
    expect(screen.getAllByRole('listitem', { name: 'assistant complete' })[1]).toHaveTextContent(/failed/);
  });

  it('waits for the user to approve a call before running it', async () => {
    let sent = 0;
    render(<EmailChat onSend={() => (sent += 1)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const approve = await screen.findByRole('button', { name: 'Approve send_email' }, PATIENT);
    expect(status()).toHaveTextContent('awaiting-tool');
    expect(sent).toBe(0);
    await userEvent.click(approve);
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(2),
      PATIENT,
    );
    expect(sent).toBe(1);
    expect(screen.getByRole('group', { name: 'send_email done' })).toBeInTheDocument();
  });

  it('never runs a call the user denies, and the model answers without it', async () => {
    let sent = 0;
    render(<EmailChat onSend={() => (sent += 1)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Deny send_email' }, PATIENT));
    await waitFor(
      () => expect(screen.getAllByRole('listitem', { name: 'assistant complete' })).toHaveLength(2),
      PATIENT,
    );
    const call = screen.getByRole('group', { name: 'send_email denied' });
    expect(within(call).getByText(/^Result:/)).toHaveTextContent('The user denied this tool call: not today');
    expect(sent).toBe(0);
    expect(status()).toHaveTextContent('idle');
  });

  it('stops after maxToolRounds with a note on the last reply', async () => {
    let runs = 0;
    render(
      <TestChat
        model="parley/tool-caller"
        input="What is the weather in Lima?"
        maxToolRounds={1}
        params={{ metadata: { parley_scenario: 'slow;pace=0', parley_rounds: '3' } }}
        tools={weatherTools(() => {
          runs += 1;
          return { temperature: 18 };
        })}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('note', {}, PATIENT)).toHaveTextContent(/1 tool rounds/);
    expect(status()).toHaveTextContent('idle');
    expect(runs).toBe(1);
  });
});
