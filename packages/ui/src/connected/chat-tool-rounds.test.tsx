/**
 * A tool round as the person at the composer sees it, against the simulator over HTTP in Chromium:
 * the composer stays busy (Stop, never Send) while the browser tools run and the follow-up request
 * is prepared, so nobody can send into the gap; Stop during a tool cancels the follow-up; a call
 * waiting for approval leaves the composer free (approve, deny, or send something else).
 */
import { createParleyClient } from '@parley/client';
import { type ChatStore, type ChatStoreOptions, type ChatTool, createChatStore } from '@parley/client/chat';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import '../styles.css';
import * as Chat from './chat-parts.ts';

const stores: ChatStore[] = [];

function chatStore(options: Partial<ChatStoreOptions>): ChatStore {
  const store = createChatStore({
    client: createParleyClient({ baseURL: `${inject('simulatorUrl')}/api/v1`, maxRetries: 0 }),
    model: 'parley/tool-caller',
    ...options,
  });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

const frame = { height: 640 };
// A whole tool round is two requests to the simulator: allow the time a busy machine takes.
const PATIENT = { timeout: 10_000 };
const textbox = () => screen.getByRole('textbox', { name: 'Message' });
const replies = () =>
  within(screen.getByRole('log', { name: 'Conversation' })).queryAllByRole('article', {
    name: 'Assistant message',
  });
const sendOrStop = () => screen.getByRole('button', { name: /^(Send|Stop)$/ });

/** A weather tool whose executor waits until `release()` (or the chat's stop aborts it). */
function heldWeather(needsApproval = false) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let runs = 0;
  const tool: ChatTool = {
    description: 'The current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    needsApproval,
    execute: async (args, { signal }) => {
      runs += 1;
      await new Promise<void>((resolve, reject) => {
        void released.then(resolve);
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
      return { city: (args as { city: string }).city, temperature: 21 };
    },
  };
  return { tools: { get_weather: tool }, release, runs: () => runs };
}

/** Every state the send/stop button shows from now on (it is one element throughout). */
function recordComposerStates(): string[] {
  const button = sendOrStop();
  const states = [button.dataset.state ?? ''];
  new MutationObserver(() => {
    const state = button.dataset.state ?? '';
    if (state !== states.at(-1)) states.push(state);
  }).observe(button, { attributes: true, attributeFilter: ['data-state'] });
  return states;
}

describe('Chat.Root: tool rounds at the composer', () => {
  it('offers Stop, never Send, from the send until the reply after the tool round has streamed', async () => {
    const user = userEvent.setup();
    const weather = heldWeather();
    render(<Chat.Root store={chatStore({ tools: weather.tools })} style={frame} />);
    await user.type(textbox(), 'What is the weather in Lisbon?');
    const states = recordComposerStates();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(weather.runs()).toBe(1), PATIENT);
    // The tool runs in the browser; the follow-up request is not sent yet.
    expect(await screen.findByText('Running')).toBeInTheDocument();
    expect(sendOrStop()).toHaveAccessibleName('Stop');
    expect(replies()).toHaveLength(1);
    weather.release();
    await waitFor(() => expect(replies()).toHaveLength(2), PATIENT);
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'), PATIENT);
    await waitFor(() => expect(sendOrStop()).toHaveAccessibleName('Send'));
    expect(states).toEqual(['send', 'stop', 'send']);
  });

  it('stops a running tool: no follow-up request, and the next message is answered', async () => {
    const user = userEvent.setup();
    const weather = heldWeather();
    render(<Chat.Root store={chatStore({ tools: weather.tools })} style={frame} />);
    await user.type(textbox(), 'What is the weather in Oslo?{Enter}');
    await waitFor(() => expect(weather.runs()).toBe(1), PATIENT);
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(sendOrStop()).toHaveAccessibleName('Send');
    expect(replies()).toHaveLength(1);
    await user.type(textbox(), 'Never mind: what is the weather in Rome?{Enter}');
    await waitFor(() => expect(replies()).toHaveLength(2), PATIENT);
    // The model asks for Rome's weather: a new tool round of the new message, not the stopped one's.
    await waitFor(() => expect(weather.runs()).toBe(2), PATIENT);
    weather.release();
    await waitFor(() => expect(replies()).toHaveLength(3), PATIENT);
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'), PATIENT);
    expect(sendOrStop()).toHaveAccessibleName('Send');
  });

  it('leaves the composer free while a call waits for approval, and busy again once approved', async () => {
    const user = userEvent.setup();
    const weather = heldWeather(true);
    render(<Chat.Root store={chatStore({ tools: weather.tools })} style={frame} />);
    await user.type(textbox(), 'What is the weather in Lisbon?{Enter}');
    const call = await screen.findByRole('group', { name: 'Tool call: get_weather' }, PATIENT);
    const approve = await within(call).findByRole('button', { name: 'Approve' }, PATIENT);
    // Waiting for the person: not busy forever. They may approve, deny or write something else.
    expect(within(call).getByRole('button', { name: 'Deny' })).toBeEnabled();
    expect(sendOrStop()).toHaveAccessibleName('Send');
    await user.type(textbox(), 'Also');
    expect(sendOrStop()).toBeEnabled();
    await user.clear(textbox());
    await user.click(approve);
    await waitFor(() => expect(weather.runs()).toBe(1), PATIENT);
    expect(sendOrStop()).toHaveAccessibleName('Stop');
    const states = recordComposerStates();
    weather.release();
    await waitFor(() => expect(replies()).toHaveLength(2), PATIENT);
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'), PATIENT);
    await waitFor(() => expect(sendOrStop()).toHaveAccessibleName('Send'));
    expect(states).toEqual(['stop', 'send']);
  });
});
