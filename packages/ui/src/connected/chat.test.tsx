/// <reference types="vite/client" />
import { createParleyClient } from '@parley/client';
import { type ChatStore, type ChatStoreOptions, type ChatTool, createChatStore } from '@parley/client/chat';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import '../styles.css';
import { createSimulatorFetch } from '@parley/mock-server/browser';
import { ChatProvider } from '@parley/react';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { pngFile } from '../__fixtures__/files.ts';
import * as Chat from './chat-parts.ts';

const baseURL = () => `${inject('simulatorUrl')}/api/v1`;
const stores: ChatStore[] = [];
let scenario = 'none';
let run = 0;

/** A chat against the simulator over HTTP; `scenario` is read at each send, as a person toggles it. */
function chatStore(options: Partial<ChatStoreOptions> = {}, maxRetries = 0): ChatStore {
  const store = createChatStore({
    client: createParleyClient({ baseURL: baseURL(), maxRetries }),
    model: 'parley/echo',
    params: () => ({ metadata: { parley_scenario: scenario } }),
    ...options,
  });
  stores.push(store);
  return store;
}

afterEach(() => {
  scenario = 'none';
  run += 1;
  for (const store of stores.splice(0)) store.destroy();
});

const frame = { height: 640 };
const textbox = () => screen.getByRole('textbox', { name: 'Message' });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const replies = () => within(log()).queryAllByRole('article', { name: 'Assistant message' });

function drop(files: File[]) {
  const dataTransfer = new DataTransfer();
  for (const file of files) dataTransfer.items.add(file);
  const form = textbox().closest('form')!;
  for (const type of ['dragenter', 'dragover', 'drop']) {
    fireEvent(form, new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
  }
}

describe('Chat.Root', () => {
  it('sends a message with an image and streams the reply, with Stop while it streams', async () => {
    const user = userEvent.setup();
    const store = chatStore({ model: 'parley/vision' });
    const { container } = render(
      <Chat.Root store={store} acceptedModalities={['text', 'image']} style={frame} />,
    );
    drop([pngFile('chart.png')]);
    await user.type(textbox(), 'What is in this picture?{Enter}');
    expect(textbox()).toHaveValue('');
    expect(textbox()).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    const [reply] = await waitFor(() => {
      const found = replies();
      expect(found).toHaveLength(1);
      return found;
    });
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'complete'), { timeout: 10_000 });
    const sent = within(log()).getByRole('article', { name: 'Your message' });
    expect(sent).toHaveTextContent('What is in this picture?');
    expect(within(sent).getByRole('img', { name: 'chart.png' })).toBeInTheDocument();
    const [, image] = store.getState().messagesById[store.getState().messageIds[0]!]!.parts;
    expect(image).toMatchObject({ type: 'image', alt: 'chart.png' });
    expect((image as { url: string }).url).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expectNoAxeViolations(container);
  });

  it('keeps the draft and its file when the send fails, and explains the error', async () => {
    const user = userEvent.setup();
    scenario = 'server-error';
    const store = chatStore({ model: 'parley/vision' });
    const { container } = render(<Chat.Root store={store} style={frame} />);
    drop([pngFile('chart.png')]);
    await user.type(textbox(), 'Does this survive?{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The provider had a problem');
    expect(alert).toHaveTextContent('HTTP 500');
    await waitFor(() => expect(textbox()).toHaveValue('Does this survive?'));
    // The preview's blob: URL is made again once the file is back in the draft.
    const attachments = screen.getByRole('list', { name: 'Attachments' });
    expect(await within(attachments).findByRole('img', { name: 'chart.png' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('sends the kept draft again in place of the failed attempt', async () => {
    const user = userEvent.setup();
    scenario = 'insufficient-credits';
    const store = chatStore();
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Second try{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Out of credits');
    await waitFor(() => expect(textbox()).toHaveValue('Second try'));
    scenario = 'none';
    await user.type(textbox(), '{Enter}');
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'));
    expect(within(log()).getAllByRole('article', { name: 'Your message' })).toHaveLength(1);
    expect(replies()).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(textbox()).toHaveValue('');
  });

  it('retries from the notice, takes the kept draft along and returns focus to the composer', async () => {
    const user = userEvent.setup();
    scenario = 'bad-gateway';
    const store = chatStore();
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Retry me{Enter}');
    await screen.findByRole('alert');
    await waitFor(() => expect(textbox()).toHaveValue('Retry me'));
    scenario = 'none';
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'));
    expect(textbox()).toHaveValue('');
    expect(textbox()).toHaveFocus();
    expect(within(log()).getAllByRole('article', { name: 'Your message' })).toHaveLength(1);
  });

  it('stops a streaming reply with the Stop button, keeping what arrived and focus in the composer', async () => {
    const user = userEvent.setup();
    const hold = `composer-stop-${run}`;
    scenario = `hold;after=3;id=${hold}`;
    const store = chatStore();
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Tell me a long story');
    const send = screen.getByRole('button', { name: 'Send' });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(replies()[0]).toHaveAttribute('data-status', 'streaming'));
    await waitFor(() => expect(replies()[0]).toHaveTextContent(/\w/));
    const partial = replies()[0]!.querySelector('[data-slot="message-content"]')!.textContent ?? '';
    // The send control itself turned into Stop: the same element, so a pointer on it stays on it.
    const stop = screen.getByRole('button', { name: 'Stop' });
    expect(stop).toBe(send);
    // A draft written while the reply streams must not go out with the click on Stop.
    await user.type(textbox(), 'Next question');
    await user.click(stop);
    await waitFor(() => expect(replies()[0]).toHaveAttribute('data-status', 'aborted'));
    expect(screen.getByRole('button', { name: 'Send' })).toBe(send);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(textbox()).toHaveFocus();
    expect(textbox()).toHaveValue('Next question');
    expect(within(log()).getAllByRole('article', { name: 'Your message' })).toHaveLength(1);
    // Released after the stop: nothing more arrives, and what arrived stays.
    await fetch(`${baseURL()}/_parley/release?id=${hold}`, { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replies()[0]!.querySelector('[data-slot="message-content"]')).toHaveTextContent(partial);
    expect(replies()).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the partial reply and an empty composer when the stream fails part-way', async () => {
    const user = userEvent.setup();
    scenario = 'error-mid-stream;after=3';
    const store = chatStore();
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Fail in the middle{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The reply ended with an error');
    expect(replies()[0]).toHaveAttribute('data-status', 'error');
    expect(textbox()).toHaveValue('');
  });

  it('counts down to the automatic retry after a rate limit, then shows the reply', async () => {
    const user = userEvent.setup();
    scenario = `rate-limit;retry-after=1;times=1;key=composer-429-${run}`;
    const store = chatStore({}, 2);
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Busy right now?{Enter}');
    const timer = await screen.findByRole('timer');
    expect(timer).toHaveTextContent(
      /Retrying automatically in 1 second \(retry 1\)|Retrying now \(retry 1\)/,
    );
    expect(timer.closest('[data-slot="error-notice"]')).toHaveTextContent('Rate limited');
    await waitFor(() => expect(replies()[0]).toHaveAttribute('data-status', 'complete'), { timeout: 8000 });
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('explains a refused API key without ever showing the key', async () => {
    const user = userEvent.setup();
    const secret = 'sk-parley-wrong-0123456789';
    const store = createChatStore({
      client: createParleyClient({
        baseURL: 'https://parley.local/api/v1',
        apiKey: secret,
        fetch: createSimulatorFetch({ requireApiKey: true, apiKeys: ['sk-parley-right'] }),
      }),
      model: 'parley/echo',
    });
    stores.push(store);
    const { container } = render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'Am I let in?{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid API key');
    expect(alert).toHaveTextContent(/Check that it is correct/);
    await waitFor(() => expect(textbox()).toHaveValue('Am I let in?'));
    expect(container.textContent).not.toContain(secret);
  });

  it('runs a tool call the person approves by keyboard, keeping focus on the call', async () => {
    const user = userEvent.setup();
    const tools: Record<string, ChatTool> = {
      get_weather: {
        description: 'The current weather in a city',
        parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        needsApproval: true,
        execute: (args) => ({ city: (args as { city: string }).city, temperature: 21 }),
      },
    };
    const store = chatStore({ model: 'parley/tool-caller', tools });
    render(<Chat.Root store={store} style={frame} />);
    await user.type(textbox(), 'What is the weather in Lisbon?{Enter}');
    const call = await screen.findByRole('group', { name: 'Tool call: get_weather' });
    const approve = await within(call).findByRole('button', { name: 'Approve' });
    approve.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(call).getByText('Done')).toBeInTheDocument());
    expect(within(call).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(call).toHaveFocus();
    // The second round is a whole new request to the simulator: allow it the time a busy machine takes.
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'), {
      timeout: 10_000,
    });
  });

  it('lets its parts, placed apart, share the store of the ChatProvider around them', async () => {
    const user = userEvent.setup();
    scenario = 'bad-gateway';
    render(
      <ChatProvider store={chatStore()}>
        <Chat.Messages style={{ height: 400 }} />
        <aside>
          <Chat.ErrorNotice />
        </aside>
        <Chat.Composer />
      </ChatProvider>,
    );
    await user.type(textbox(), 'Parts apart{Enter}');
    await screen.findByRole('alert');
    scenario = 'none';
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('creates its own store from options', async () => {
    const user = userEvent.setup();
    render(<Chat.Root options={{ baseURL: baseURL(), model: 'parley/echo' }} style={frame} />);
    await user.type(textbox(), 'Hello from options{Enter}');
    await waitFor(() => expect(replies()[0]).toHaveAttribute('data-status', 'complete'));
  });

  it('sends the next message with the model its options name now, keeping the conversation', async () => {
    const user = userEvent.setup();
    const options = (model: string) => ({ baseURL: baseURL(), model });
    const { rerender } = render(<Chat.Root options={options('parley/echo')} style={frame} />);
    await user.type(textbox(), 'First{Enter}');
    await waitFor(() => expect(replies()[0]).toHaveAttribute('data-status', 'complete'));
    expect(replies()[0]).toHaveTextContent('parley/echo');
    rerender(<Chat.Root options={options('parley/reasoner')} style={frame} />);
    await user.type(textbox(), 'Second{Enter}');
    await waitFor(() => expect(replies()).toHaveLength(2));
    await waitFor(() => expect(replies()[1]).toHaveAttribute('data-status', 'complete'), { timeout: 10_000 });
    expect(replies()[1]).toHaveTextContent('parley/reasoner');
    expect(replies()[0]).toHaveTextContent('parley/echo');
  });

  it('lets an app arrange its parts inside the root, tells a failure once and returns focus to the draft after Retry', async () => {
    const user = userEvent.setup();
    scenario = 'bad-gateway';
    render(
      <Chat.Root store={chatStore()} style={frame}>
        <Chat.ErrorNotice />
        <Chat.Messages actions={{ delete: false }} />
        <Chat.Composer />
      </Chat.Root>,
    );
    await user.type(textbox(), 'Arranged{Enter}');
    // One failure, told once: in the failed reply, not again by the notice placed above the list.
    const alert = await screen.findByRole('alert');
    expect(log()).toContainElement(alert);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    scenario = 'none';
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(replies().at(-1)).toHaveAttribute('data-status', 'complete'));
    expect(textbox()).toHaveFocus();
    expect(within(log()).queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
