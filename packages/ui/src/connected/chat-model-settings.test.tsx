/**
 * What the person sets in the model picker, the provider preferences and the parameters panel is
 * exactly what the next request carries, read back from the simulator over real HTTP; and the
 * simulator's routing follows it, as the served-by line of the reply says.
 */
import { createParleyClient } from '@parley/client';
import { receivedRequests, TAG_HEADER } from '@parley/mock-server';
import { ParleyProvider } from '@parley/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as React from 'react';
import { describe, expect, inject, it } from 'vitest';
import * as ParametersPanel from '../parameters-panel/index.ts';
import * as Chat from './chat-parts.ts';

const PATIENT = { timeout: 10_000 };
// Each test is a person working through a form (dozens of steps), so it gets more time than one
// assertion would; `delay: null` types without waiting between keys.
const LONG_TEST = { timeout: 60_000 };
const user = userEvent.setup({ delay: null });
const FAST = { parley_scenario: 'slow;pace=0' };
let run = 0;

function setup(children: React.ReactNode, model = 'parley/echo') {
  run += 1;
  const baseURL = `${inject('simulatorUrl')}/api/v1`;
  const tag = `model-settings-${Date.now().toString(36)}-${run}`;
  const client = createParleyClient({ baseURL, headers: { [TAG_HEADER]: tag }, maxRetries: 0 });
  render(
    <ParleyProvider client={client}>
      <Chat.Root options={{ client, model, params: { metadata: FAST } }} style={{ height: 900 }}>
        {children}
        <Chat.Messages />
        <Chat.Composer />
      </Chat.Root>
    </ParleyProvider>,
  );
  return { received: () => receivedRequests(baseURL, tag) };
}

const replies = () => screen.queryAllByRole('article', { name: 'Assistant message' });

async function send(text: string, count: number) {
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`);
  await waitFor(() => expect(replies()).toHaveLength(count), PATIENT);
  const reply = replies()[count - 1] as HTMLElement;
  await waitFor(
    () => expect(reply).toHaveAttribute('data-status', expect.stringMatching(/complete|error/)),
    PATIENT,
  );
  return reply;
}

async function choose(name: RegExp) {
  await user.click(screen.getByRole('button', { name: /^Model: / }));
  await user.click(await screen.findByRole('option', { name }, PATIENT));
}

describe('model settings reach the simulator', () => {
  it(
    'sends the picked model and fallback chain with its variant, and the reply names who served',
    LONG_TEST,
    async () => {
      const { received } = setup(<Chat.ModelPicker mode="chain" />);
      await user.click(screen.getByRole('button', { name: /^Model: / }));
      await user.click(await screen.findByRole('radio', { name: 'Floor (cheapest)' }));
      await user.click(await screen.findByRole('option', { name: /Parley: Structured/ }, PATIENT));
      await user.click(screen.getByRole('radio', { name: 'Default routing' }));
      await user.click(screen.getByRole('option', { name: /Parley: Echo/ }));
      await user.keyboard('{Escape}');
      const reply = await send('Hello there', 1);
      const [body] = await received();
      expect(body).toMatchObject({ model: 'parley/structured:floor', models: ['parley/echo'] });
      // :floor sorts by price: Parley is the cheaper of structured's two providers.
      expect(within(reply).getByText('parley/structured')).toBeInTheDocument();
      expect(reply).toHaveTextContent('parley/structured via Parley');
    },
  );

  it('offers Attach only for a model that takes files', LONG_TEST, async () => {
    setup(<Chat.ModelPicker />);
    await choose(/Parley: Vision/);
    expect(await screen.findByRole('button', { name: 'Attach' })).toBeInTheDocument();
    await choose(/Parley: Echo/);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Attach' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
  });

  it('sends exactly the provider object the form shows, and routing follows it', LONG_TEST, async () => {
    const { received } = setup(<Chat.ProviderPrefs endpoints={[]} />);
    await user.selectOptions(screen.getByLabelText('Sort providers by'), 'price');
    const cheapest = await send('First', 1);
    await user.selectOptions(screen.getByLabelText('Data collection'), 'deny');
    expect(screen.getByText('Cheapest first; never providers that train on data or keep it.')).toBeVisible();
    const private_ = await send('Second', 2);
    await user.selectOptions(screen.getByLabelText('Data collection'), '');
    await user.selectOptions(screen.getByLabelText('Sort providers by'), '');
    await user.type(screen.getByLabelText('Provider to add to Try first, in order'), 'Mynah{Enter}');
    await user.type(screen.getByLabelText('Provider to add to Try first, in order'), 'Parley{Enter}');
    await user.type(screen.getByLabelText('Provider to add to Only these'), 'Parley{Enter}');
    await user.type(screen.getByLabelText('Provider to add to Only these'), 'Mynah{Enter}');
    await user.type(screen.getByLabelText('Provider to add to Never these'), 'Lyrebird{Enter}');
    await user.selectOptions(screen.getByLabelText('Fall back to other providers'), 'yes');
    await user.selectOptions(screen.getByLabelText('Require every parameter supported'), 'no');
    await user.selectOptions(screen.getByLabelText('Zero data retention only'), 'no');
    await user.selectOptions(screen.getByLabelText('Only distillable output'), 'no');
    await user.click(screen.getByRole('checkbox', { name: 'fp16' }));
    await user.click(screen.getByRole('checkbox', { name: 'bf16' }));
    await user.selectOptions(screen.getByLabelText('Sort across'), 'model');
    await user.type(screen.getByLabelText('Max prompt price ($ per 1M tokens)'), '5');
    await user.type(screen.getByLabelText('Max completion price ($ per 1M tokens)'), '5');
    await user.type(screen.getByLabelText('Max image price ($ per image)'), '1');
    await user.type(screen.getByLabelText('Max audio price ($ per clip)'), '1');
    await user.type(screen.getByLabelText('Max request price ($ per request)'), '0.5');
    await user.type(screen.getByLabelText('Minimum throughput (tokens/s)'), '10');
    await user.type(screen.getByLabelText('Maximum latency (s to first token)'), '5');
    await user.type(screen.getByLabelText('Preferred minimum throughput (tokens/s)'), '50');
    await user.type(screen.getByLabelText('Preferred maximum latency (s)'), '1');
    const ordered = await send('Third', 3);
    const bodies = await received();
    expect(bodies.map((body) => body.provider)).toEqual([
      { sort: 'price' },
      { sort: 'price', data_collection: 'deny' },
      {
        order: ['Mynah', 'Parley'],
        only: ['Parley', 'Mynah'],
        ignore: ['Lyrebird'],
        allow_fallbacks: true,
        require_parameters: false,
        zdr: false,
        enforce_distillable_text: false,
        quantizations: ['fp16', 'bf16'],
        sort: { partition: 'model' },
        max_price: { prompt: 5, completion: 5, image: 1, audio: 1, request: 0.5 },
        min_throughput: 10,
        max_latency: 5,
        preferred_min_throughput: 50,
        preferred_max_latency: 1,
      },
    ]);
    // Lyrebird is echo's cheapest provider but trains on data; Parley keeps nothing; Mynah comes first in order.
    expect(cheapest).toHaveTextContent('parley/echo via Lyrebird');
    expect(private_).toHaveTextContent('parley/echo via Parley');
    expect(ordered).toHaveTextContent('parley/echo via Mynah');
  });

  it('sends every parameter and plugin the panel sets, exactly', LONG_TEST, async () => {
    // Structured output needs a model that writes it.
    const { received } = setup(<Chat.ParametersPanel />, 'parley/structured');
    const type = (label: string, text: string) => user.type(screen.getByLabelText(label), text);
    const pick = (label: string, value: string) => user.selectOptions(screen.getByLabelText(label), value);
    await type('Temperature', '0.4');
    await type('Top P', '0.8');
    await type('Frequency penalty', '0.1');
    await type('Presence penalty', '-0.1');
    await type('Seed', '7');
    await type('Max tokens', '500');
    await type('Max completion tokens', '400');
    await type('Stop sequences (one per line)', 'ZZZ');
    await type('Logit bias (token id: bias, one per line)', '11: 5');
    await pick('Logprobs', 'yes');
    await type('Top logprobs', '2');
    await pick('Reasoning effort', 'low');
    await pick('Reasoning summary', 'auto');
    await pick('Hide reasoning (exclude)', 'no');
    await pick('Reasoning enabled', 'yes');
    await type('Reasoning budget (tokens)', '256');
    await pick('Tool choice', 'none');
    await pick('Format', 'json_object');
    await pick('Route', 'fallback');
    await type('User id', 'person-1');
    await type('Session id', 'session-1');
    await user.click(screen.getByRole('checkbox', { name: 'Web search' }));
    await type('Web results', '2');
    await pick('Search engine', 'native');
    await user.click(screen.getByRole('checkbox', { name: 'File parser' }));
    await pick('PDF engine', 'mistral-ocr');
    await user.click(screen.getByRole('checkbox', { name: 'Moderation' }));
    await user.click(screen.getByRole('checkbox', { name: 'Response healing' }));
    await send('Parameters please', 1);
    await pick('Format', 'json_schema');
    await pick('Strict', 'yes');
    await send('Now with a schema', 2);
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await send('And plain again', 3);

    const [first, second, third] = await received();
    const expected = {
      temperature: 0.4,
      top_p: 0.8,
      frequency_penalty: 0.1,
      presence_penalty: -0.1,
      seed: 7,
      max_tokens: 500,
      max_completion_tokens: 400,
      stop: ['ZZZ'],
      logit_bias: { '11': 5 },
      logprobs: true,
      top_logprobs: 2,
      reasoning: { effort: 'low', summary: 'auto', exclude: false, enabled: true, max_tokens: 256 },
      tool_choice: 'none',
      response_format: { type: 'json_object' },
      route: 'fallback',
      user: 'person-1',
      session_id: 'session-1',
      plugins: [
        { id: 'web', max_results: 2, engine: 'native' },
        { id: 'file-parser', pdf: { engine: 'mistral-ocr' } },
        { id: 'moderation' },
        { id: 'response-healing' },
      ],
    };
    expect(first).toMatchObject(expected);
    expect(second).toMatchObject({
      ...expected,
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'response',
          strict: true,
          schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] },
        },
      },
    });
    // Reset sends none of them: only the chat's own fields remain.
    for (const key of Object.keys(expected)) expect(third).not.toHaveProperty(key);
    expect(Object.keys(third ?? {}).sort()).toEqual([
      'messages',
      'metadata',
      'model',
      'stream',
      'stream_options',
    ]);
  });

  it('keeps presets working in a panel laid out with its own parts', LONG_TEST, async () => {
    const { received } = setup(
      <Chat.ParametersPanel>
        <ParametersPanel.Sampling />
        <ParametersPanel.Presets />
      </Chat.ParametersPanel>,
    );
    await user.type(screen.getByLabelText('Temperature'), '0.3');
    await user.type(screen.getByLabelText('Preset name'), 'Careful');
    await user.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(screen.getByRole('combobox', { name: 'Saved presets' })).toHaveDisplayValue('Careful');
    await user.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect(screen.getByLabelText('Temperature')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Apply preset' }));
    expect(screen.getByLabelText('Temperature')).toHaveValue('0.3');
    await send('With the preset', 1);
    const [first] = await received();
    expect(first).toMatchObject({ temperature: 0.3 });
  });
});
