import type { JsonSchema } from '@parley/client/chat';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { TRIP_SCHEMA, tripRequest } from '../__fixtures__/trip-request.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import { useSimulatedStream } from '../__fixtures__/use-simulated-stream.ts';
import * as StructuredOutput from './index.ts';
import usage from './structured-output.usage.tsx?raw';

function LiveTrip({ scenario = 'none', schema = TRIP_SCHEMA }: { scenario?: string; schema?: JsonSchema }) {
  const { completion, done } = useSimulatedStream(tripRequest(scenario), { tokenDelayMs: 25 });
  return (
    <StructuredOutput.Root
      text={String(completion?.choices[0]?.message.content ?? '')}
      schema={schema}
      streaming={!done}
    />
  );
}

const meta = {
  title: 'Conversation/StructuredOutput',
  component: StructuredOutput.Root,
  parameters: {
    docs: {
      description: usageDescription(
        'A JSON reply shown as data while it streams, then checked against its schema.',
        usage,
      ),
    },
  },
  args: { text: '' },
} satisfies Meta<typeof StructuredOutput.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A json_schema reply streaming from the simulator: the tree grows, then the schema check passes. */
export const Streaming: Story = {
  render: () => <LiveTrip />,
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('The reply matches the schema.', {}, { timeout: 10_000 }),
    ).toBeVisible();
    const tree = canvas.getByRole('region', { name: 'Structured reply' });
    await expect(within(tree).getByRole('button', { name: /root \{3 keys\}/ })).toBeVisible();
  },
};

/** Checked against a schema the reply breaks: each error names its path and shows its node. */
export const SchemaErrors: Story = {
  render: () => <LiveTrip schema={{ ...TRIP_SCHEMA, required: ['city', 'days', 'activities', 'budget'] }} />,
  play: async ({ canvas, userEvent }) => {
    await expect(
      await canvas.findByText(/breaks the schema in 1 place/, {}, { timeout: 10_000 }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show $' }));
    await expect(canvas.getByRole('button', { name: /root \{3 keys\}/ })).toHaveFocus();
  },
};

/** Cut by the content filter: the JSON does not parse. */
export const InvalidJson: Story = {
  render: () => <LiveTrip scenario="content-filter;after=8" />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText('is not valid JSON', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** Waiting for the first JSON. */
export const Waiting: Story = {
  args: { text: '', streaming: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Waiting for the first JSON…')).toBeVisible();
  },
};

/** A complete reply given as text, collapsed by keyboard. */
export const Complete: Story = {
  args: { text: '{"city":"Lisbon","days":3,"activities":["Tram 28","Belém","Fado"]}', schema: TRIP_SCHEMA },
  play: async ({ canvas, userEvent }) => {
    const activities = canvas.getByRole('button', { name: /activities \[3 items\]/ });
    activities.focus();
    await userEvent.keyboard('{Enter}');
    await expect(activities).toHaveAttribute('aria-expanded', 'false');
  },
};
