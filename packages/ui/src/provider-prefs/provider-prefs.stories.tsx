import type { ProviderPreferences } from '@parley/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fn, within } from 'storybook/test';
import { echoEndpoints } from '../__fixtures__/models.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { ProviderPrefsRoot, type ProviderPrefsRootProps } from './provider-prefs.tsx';
import usage from './provider-prefs.usage.tsx?raw';

/** The form with the object it emits shown below it, as the request will carry it. */
function Prefs(props: ProviderPrefsRootProps) {
  const [value, setValue] = React.useState<ProviderPreferences>(props.defaultValue ?? {});
  return (
    <div style={{ maxWidth: 720 }}>
      <ProviderPrefsRoot
        {...props}
        value={value}
        onValueChange={(next) => {
          setValue(next);
          props.onValueChange?.(next);
        }}
      />
      <output aria-label="provider">{JSON.stringify(value)}</output>
    </div>
  );
}

const meta = {
  title: 'Models/ProviderPrefs',
  component: Prefs,
  parameters: {
    docs: {
      description: usageDescription(
        "A form for every field of the request's provider object, with a sentence saying what it will do.",
        usage,
      ),
    },
  },
  args: { onValueChange: fn() },
} satisfies Meta<typeof Prefs>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const emitted = (canvas: Canvas) =>
  JSON.parse(canvas.getByRole('status', { name: 'provider' }).textContent ?? '{}');

/** Nothing set: default routing in words, and an empty object (the request sends no `provider`). */
export const Untouched: Story = {
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText('Default routing: providers weighted by price, with fallbacks.'),
    ).toBeVisible();
    await expect(emitted(canvas)).toEqual({});
  },
};

/** Cheapest first, never providers that train on data: the sentence and exactly the spec's object. */
export const CheapestWithoutTraining: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Sort providers by'), 'price');
    await userEvent.selectOptions(canvas.getByLabelText('Data collection'), 'deny');
    await expect(
      canvas.getByText('Cheapest first; never providers that train on data or keep it.'),
    ).toBeVisible();
    await expect(emitted(canvas)).toEqual({ sort: 'price', data_collection: 'deny' });
    await userEvent.selectOptions(canvas.getByLabelText('Sort across'), 'none');
    await expect(emitted(canvas)).toEqual({
      sort: { by: 'price', partition: 'none' },
      data_collection: 'deny',
    });
    await userEvent.selectOptions(canvas.getByLabelText('Sort providers by'), '');
    await userEvent.selectOptions(canvas.getByLabelText('Sort across'), '');
    await expect(emitted(canvas)).toEqual({ data_collection: 'deny' });
  },
};

/** Numbers are checked as typed: a negative price is refused with the reason, and not sent. */
export const InvalidNumbers: Story = {
  play: async ({ canvas, userEvent }) => {
    const prompt = canvas.getByLabelText('Max prompt price ($ per 1M tokens)');
    await userEvent.type(prompt, '-1');
    await expect(prompt).toHaveAttribute('aria-invalid', 'true');
    await expect(prompt).toHaveAccessibleDescription('At least 0.');
    await expect(emitted(canvas)).toEqual({});
    await userEvent.clear(prompt);
    await userEvent.type(prompt, '0.5');
    await expect(prompt).not.toHaveAttribute('aria-invalid');
    await expect(emitted(canvas)).toEqual({ max_price: { prompt: 0.5 } });
    const latency = canvas.getByLabelText('Maximum latency (s to first token)');
    await userEvent.type(latency, 'soon');
    await expect(latency).toHaveAccessibleDescription('Enter a number.');
    await expect(emitted(canvas)).toEqual({ max_price: { prompt: 0.5 } });
  },
};

/** Provider lists: add by typing, reorder the order list from the keyboard, remove. */
export const ProviderLists: Story = {
  args: { endpoints: echoEndpoints },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByLabelText('Provider to add to Try first, in order'), 'Mynah{Enter}');
    await userEvent.type(canvas.getByLabelText('Provider to add to Try first, in order'), 'Parley{Enter}');
    await userEvent.click(canvas.getByRole('button', { name: 'Move Parley up' }));
    await expect(emitted(canvas)).toEqual({ order: ['Parley', 'Mynah'] });
    await userEvent.type(canvas.getByLabelText('Provider to add to Never these'), 'Lyrebird{Enter}');
    await expect(emitted(canvas)).toEqual({ order: ['Parley', 'Mynah'], ignore: ['Lyrebird'] });
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Parley from Try first, in order' }));
    await expect(emitted(canvas)).toEqual({ order: ['Mynah'], ignore: ['Lyrebird'] });
  },
};

/** The endpoint explorer: sortable columns, and rows added to order, only or ignore. */
export const Endpoints: Story = {
  args: { endpoints: echoEndpoints },
  play: async ({ canvas, userEvent }) => {
    const table = canvas.getByRole('table');
    const providers = () =>
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent);
    await expect(providers()).toEqual(['Lyrebird', 'Parley', 'Mynah']);
    await userEvent.click(within(table).getByRole('button', { name: 'Latency' }));
    await expect(providers()).toEqual(['Mynah', 'Parley', 'Lyrebird']);
    await expect(within(table).getByRole('columnheader', { name: 'Latency' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await userEvent.click(within(table).getByRole('button', { name: 'Latency' }));
    await expect(providers()).toEqual(['Lyrebird', 'Parley', 'Mynah']);
    await userEvent.click(canvas.getByRole('button', { name: 'Add Mynah to order' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Add Lyrebird to ignore' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Add Parley to only' }));
    await expect(emitted(canvas)).toEqual({ order: ['Mynah'], ignore: ['Lyrebird'], only: ['Parley'] });
    await expect(within(table).getByRole('row', { name: /Lyrebird/ })).toHaveTextContent('Degraded');
  },
};

/** The endpoints are loading. */
export const EndpointsLoading: Story = {
  args: { endpointsStatus: 'loading' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading providers…')).toBeVisible();
  },
};

/** The endpoints failed to load. */
export const EndpointsError: Story = {
  args: { endpointsStatus: 'error', endpointsError: 'HTTP 502' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Could not load the providers: HTTP 502');
  },
};

/** Every policy field: fallbacks, parameters, zdr, distillable, quantizations. */
export const Policies: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.selectOptions(canvas.getByLabelText('Fall back to other providers'), 'no');
    await userEvent.selectOptions(canvas.getByLabelText('Require every parameter supported'), 'yes');
    await userEvent.selectOptions(canvas.getByLabelText('Zero data retention only'), 'yes');
    await userEvent.selectOptions(canvas.getByLabelText('Only distillable output'), 'yes');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'fp16' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'int8' }));
    await expect(emitted(canvas)).toEqual({
      allow_fallbacks: false,
      require_parameters: true,
      zdr: true,
      enforce_distillable_text: true,
      quantizations: ['int8', 'fp16'],
    });
    await expect(canvas.getByText(/no fallback to other providers\.$/)).toBeVisible();
  },
};
