/**
 * What came back besides text, end to end: the connected chat against the simulator over HTTP in
 * Chromium. A max_tokens cut, a refusal, a content filter stop, logprobs, a streamed json_schema
 * reply, web citations, the generation id, the conversation's usage and an error body in full.
 */
import { createParleyClient } from '@parley/client';
import {
  type ChatMessage,
  type ChatStore,
  type ChatStoreOptions,
  createChatStore,
} from '@parley/client/chat';
import { ParleyProvider, useChatUsage } from '@parley/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, inject, it } from 'vitest';
import '../styles.css';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { TRIP_SCHEMA } from '../__fixtures__/trip-request.ts';
import { formatCost } from '../usage-meter/usage-numbers.ts';
import * as Chat from './chat-parts.ts';

const baseURL = () => `${inject('simulatorUrl')}/api/v1`;

/** A saved question and its reply, the reply with what its server reported (usage, model...). */
function savedExchange(reply: Partial<ChatMessage>): ChatMessage[] {
  return [
    { id: 'q1', role: 'user', parts: [{ type: 'text', text: 'Hello' }], createdAt: 1, status: 'complete' },
    {
      id: 'a1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'Hello there.' }],
      createdAt: 2,
      status: 'complete',
      ...reply,
    },
  ];
}
const stores: ChatStore[] = [];

function chatStore(options: Partial<ChatStoreOptions> = {}): ChatStore {
  const store = createChatStore({
    client: createParleyClient({ baseURL: baseURL(), maxRetries: 0 }),
    model: 'parley/echo',
    ...options,
  });
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

const scenario = (value: string) => ({ params: { metadata: { parley_scenario: value } } });
const frame = { height: 720 };
const textbox = () => screen.getByRole('textbox', { name: 'Message' });
const log = () => screen.getByRole('log', { name: 'Conversation' });
const lastReply = () =>
  within(log()).getAllByRole('article', { name: 'Assistant message' }).at(-1) as HTMLElement;

async function ask(store: ChatStore, text: string) {
  const user = userEvent.setup();
  render(<Chat.Root store={store} style={frame} />);
  await user.type(textbox(), `${text}{Enter}`);
  await waitFor(() => expect(store.getState().status).not.toMatch(/submitted|streaming/), {
    timeout: 10_000,
  });
  // The virtualised list places the reply's row, and the row shows its final state, a frame or more
  // after the store settles (rows load their parts on demand and renders are batched per frame).
  await waitFor(
    () => expect(['pending', 'streaming']).not.toContain(lastReply().getAttribute('data-status')),
    { timeout: 10_000 },
  );
  return user;
}

/** Room for the conversation and two more tokens: a draft of a few words does not fit. */
function TightUsage({ store }: { store: ChatStore }) {
  const usage = useChatUsage(store);
  return <Chat.Usage contextLength={(usage?.total_tokens ?? 0) + 2} />;
}

describe('Chat: how a reply ended', () => {
  it('says a max_tokens cut where the reply ends, and Continue asks for more', async () => {
    const store = chatStore({ params: { max_tokens: 4 } });
    const user = await ask(store, 'Tell me a long story about the sea');
    const notice = within(lastReply()).getByRole('status');
    expect(notice).toHaveTextContent('Cut short: the reply reached its length limit.');
    await user.click(within(lastReply()).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(store.getState().messageIds).toHaveLength(4));
    const sent = store.getState().messagesById[store.getState().messageIds[2] ?? ''];
    expect(sent?.parts[0]).toMatchObject({ text: 'Continue from where you stopped.' });
    expect(screen.getByRole('log', { name: 'Conversation' })).toBeVisible();
  });

  it('says the content filter stopped the reply, and Rephrase puts the message back in the draft', async () => {
    const store = chatStore(scenario('content-filter;after=3'));
    const user = await ask(store, 'Tell me about the harbour');
    expect(within(lastReply()).getByRole('status')).toHaveTextContent(
      "Stopped by the provider's content filter.",
    );
    await user.click(within(lastReply()).getByRole('button', { name: 'Rephrase' }));
    expect(textbox()).toHaveValue('Tell me about the harbour');
    expect(textbox()).toHaveFocus();
    // The caret waits at the end, so the person rewords from there.
    await user.keyboard(', kindly');
    expect(textbox()).toHaveValue('Tell me about the harbour, kindly');
  });

  it('shows how full the context window is for a conversation opened with its messages', async () => {
    const initialMessages = savedExchange({
      usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
    });
    render(
      <Chat.Root store={chatStore({ initialMessages })} style={frame}>
        <Chat.Usage contextLength={8192} />
      </Chat.Root>,
    );
    // What the model last saw (the last reply's prompt and answer), not 0 until the next reply.
    expect(screen.getByRole('meter', { name: 'Context window' })).toHaveAttribute(
      'aria-valuetext',
      '1,500 of 8,192 tokens',
    );
  });

  it('counts a rephrased draft against the context window before it is sent', async () => {
    const user = userEvent.setup();
    const store = chatStore(scenario('content-filter;after=3'));
    render(
      <Chat.Root store={store} style={frame}>
        <Chat.Messages />
        <TightUsage store={store} />
        <Chat.Composer />
      </Chat.Root>,
    );
    await user.type(textbox(), 'Tell me about the harbour{Enter}');
    await waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'incomplete'), {
      timeout: 10_000,
    });
    const meter = screen.getByRole('meter', { name: 'Context window' }).parentElement as HTMLElement;
    expect(within(meter).getByRole('status')).not.toHaveTextContent(/would not fit/);
    await user.click(within(lastReply()).getByRole('button', { name: 'Rephrase' }));
    await waitFor(() => expect(within(meter).getByRole('status')).toHaveTextContent(/would not fit/));
  });

  it('says an error finish once, where the reply ends, with what the provider reported and Retry', async () => {
    // Only the first request fails, so Retry gets an answer.
    const store = chatStore(scenario(`error-mid-stream;after=3;times=1;key=error-finish-${Date.now()}`));
    const user = await ask(store, 'Tell me about the tides');
    const reply = lastReply();
    // One notice for one failure: the reply's, not the chat's error notice as well.
    const alerts = screen.getAllByRole('alert');
    expect(alerts).toHaveLength(1);
    expect(reply).toContainElement(alerts[0] ?? null);
    expect(alerts[0]).toHaveTextContent('The reply ended with an error before it was complete.');
    const failed = store.getState().messagesById[store.getState().messageIds[1] ?? ''];
    expect(failed).toMatchObject({ status: 'error', finishReason: 'error' });
    expect(within(reply).getByText(failed?.error?.message ?? 'missing')).toBeVisible();
    expect(within(reply).getByText('Provider').nextElementSibling).toHaveTextContent(
      failed?.provider ?? 'missing',
    );
    await expectNoAxeViolations(reply);
    await user.click(within(reply).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'complete'), { timeout: 10_000 });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces a failure mid-stream once: one live region says it, the announcer stays silent', async () => {
    const store = chatStore(scenario(`error-mid-stream;after=3;key=one-announcement-${Date.now()}`));
    await ask(store, 'Tell me about the tides');
    const said = 'The reply ended with an error before it was complete.';
    // The notice fills its region a render after it appears, so screen readers notice the change.
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(said));
    const live = document.querySelectorAll<HTMLElement>(
      '[role="alert"], [role="status"], [aria-live]:not([aria-live="off"])',
    );
    const heard = [...live].map((region) => region.textContent?.trim() ?? '').filter(Boolean);
    expect(heard).toEqual([said]);
  });

  it('shows a refusal as a refusal, not as an empty message', async () => {
    const store = chatStore(scenario('refusal'));
    await ask(store, 'Do something you should not');
    const note = within(lastReply()).getByRole('note', { name: 'The model declined to answer' });
    expect(note).toHaveTextContent("I'm sorry, but I can't help with that request.");
    await expectNoAxeViolations(lastReply());
  });
});

describe('Chat: what a reply carries', () => {
  it('cites web sources with numbered markers and a list of safe links', async () => {
    const store = chatStore({ model: 'parley/echo:online' });
    await ask(store, 'Tell me about lighthouses');
    const sources = within(lastReply()).getByRole('region', { name: 'Sources' });
    const links = within(sources).getAllByRole('link');
    expect(links).toHaveLength(5);
    for (const link of links) expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    const markers = within(lastReply()).getAllByRole('link', { name: /^\[\d\]/ });
    expect(markers).toHaveLength(5);
  });

  it('shows logprobs, usage and the generation id (with a copy action) in Details', async () => {
    const store = chatStore({ params: { logprobs: true, top_logprobs: 3 } });
    const user = await ask(store, 'Describe the lighthouse');
    await user.click(within(lastReply()).getByRole('button', { name: 'Details' }));
    const reply = store.getState().messagesById[store.getState().messageIds[1] ?? ''];
    expect(within(lastReply()).getByText(reply?.generationId ?? 'missing')).toBeVisible();
    expect(within(lastReply()).getByRole('button', { name: 'Copy generation id' })).toBeVisible();
    // The token view is a chunk of its own, loaded as Details opens.
    const toolbar = await within(lastReply()).findByRole('toolbar', { name: 'Reply tokens by probability' });
    expect(within(toolbar).getAllByRole('button')).toHaveLength(reply?.logprobs?.content?.length ?? -1);
    const usage = within(lastReply()).getByRole('region', { name: 'Usage of this reply' });
    expect(within(usage).getByText(/^Cost \$/)).toBeVisible();
  });

  it('estimates the cost of a reply the server did not price, at its provider’s prices from the models API', async () => {
    const client = createParleyClient({ baseURL: baseURL(), maxRetries: 0 });
    const endpoints = (await client.models.endpoints('parley/echo')).data.endpoints;
    const lyrebird = endpoints.find((endpoint) => endpoint.provider_name === 'Lyrebird');
    const usage = { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 };
    // A reply kept from a server that reports tokens but no cost (an OpenAI-style API).
    const initialMessages = savedExchange({
      finishReason: 'stop',
      model: 'parley/echo',
      provider: 'Lyrebird',
      usage,
    });
    const store = chatStore({ initialMessages });
    const user = userEvent.setup();
    render(
      <ParleyProvider client={client}>
        <Chat.Root store={store} style={frame} />
      </ParleyProvider>,
    );
    // The reply's actions come with its full row, which takes over from the conversation's preview.
    await user.click(await waitFor(() => within(lastReply()).getByRole('button', { name: 'Details' })));
    const meter = within(lastReply()).getByRole('region', { name: 'Usage of this reply' });
    const expected =
      usage.prompt_tokens * Number(lyrebird?.pricing.prompt) +
      usage.completion_tokens * Number(lyrebird?.pricing.completion) +
      Number(lyrebird?.pricing.request ?? 0);
    expect(expected).toBeGreaterThan(0);
    expect(
      await within(meter).findByText(`Estimated cost ≈ ${formatCost(expected)}`, { exact: false }),
    ).toHaveTextContent("(estimate at Lyrebird's prices)");
  });

  it('shows the cost the server reported as it is, not as an estimate', async () => {
    const store = chatStore();
    render(
      <ParleyProvider baseURL={baseURL()}>
        <Chat.Root store={store} style={frame} />
      </ParleyProvider>,
    );
    const user = userEvent.setup();
    await user.type(textbox(), 'What does this cost?{Enter}');
    await waitFor(() => expect(store.getState().status).toBe('idle'), { timeout: 10_000 });
    // The row shows its final state a frame or more after the store settles.
    await waitFor(() => expect(lastReply()).toHaveAttribute('data-status', 'complete'));
    await user.click(within(lastReply()).getByRole('button', { name: 'Details' }));
    const reported = store.getState().usage?.cost ?? Number.NaN;
    const meter = within(lastReply()).getByRole('region', { name: 'Usage of this reply' });
    expect(within(meter).getByText(`Cost ${formatCost(reported)}`)).toBeVisible();
    expect(within(meter).queryByText(/estimate/)).toBeNull();
  });

  it('streams a json_schema reply as a tree and checks it against the schema', async () => {
    const store = chatStore({
      model: 'parley/structured',
      params: {
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'trip', strict: true, schema: TRIP_SCHEMA },
        },
      },
    });
    await ask(store, 'Plan 3 days in Lisbon');
    const tree = within(lastReply()).getByRole('region', { name: 'Structured reply' });
    expect(within(tree).getByRole('button', { name: /root \{3 keys\}/ })).toBeVisible();
    expect(within(lastReply()).getByText('The reply matches the schema.')).toBeVisible();
  });

  it('sums the conversation’s usage over replies', async () => {
    const store = chatStore();
    const user = await ask(store, 'First question');
    await user.type(textbox(), 'Second question{Enter}');
    await waitFor(() => expect(store.getState().messageIds).toHaveLength(4));
    await waitFor(() => expect(store.getState().status).toBe('idle'), { timeout: 10_000 });
    const total = store.getState().usageTotal;
    const meter = screen.getByRole('region', { name: 'Conversation usage' });
    const prompt = within(meter).getByText('Prompt').nextElementSibling;
    expect(prompt).toHaveTextContent(`${total?.prompt_tokens.toLocaleString('en')} tokens`);
    const replies = store.getState().messageIds.map((id) => store.getState().messagesById[id]?.usage);
    expect(total?.prompt_tokens).toBe((replies[1]?.prompt_tokens ?? 0) + (replies[3]?.prompt_tokens ?? 0));
  });

  it('shows a moderation error body in full', async () => {
    const store = chatStore(scenario('moderation'));
    await ask(store, 'Flag this please');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Flagged by moderation');
    expect(within(alert).getByText('harassment, violence')).toBeVisible();
    expect(within(alert).getByText('Flag this please')).toBeVisible();
  });
});
