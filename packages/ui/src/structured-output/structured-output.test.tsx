import type { JsonSchema } from '@parley/client/chat';
import { createSimulator } from '@parley/mock-server';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../__fixtures__/a11y.ts';
import { TRIP_SCHEMA, tripRequest } from '../__fixtures__/trip-request.ts';
import { useSimulatedStream } from '../__fixtures__/use-simulated-stream.ts';
import * as StructuredOutput from './index.ts';
import { ancestorsOf } from './read-structured.ts';

function LiveStructured({
  simulator,
  scenario,
  schema = TRIP_SCHEMA,
}: {
  simulator: ReturnType<typeof createSimulator>;
  scenario: string;
  schema?: JsonSchema;
}) {
  const { completion, done } = useSimulatedStream(tripRequest(scenario), { tokenDelayMs: 0, simulator });
  const text = String(completion?.choices[0]?.message.content ?? '');
  return <StructuredOutput.Root text={text} schema={schema} streaming={!done} />;
}

describe('StructuredOutput', () => {
  it('grows a tree from the streamed json_schema reply, then says it matches the schema', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    const { container } = render(<LiveStructured simulator={simulator} scenario="hold;after=6" />);
    const tree = screen.getByRole('region', { name: 'Structured reply' });
    // Mid-stream the partial JSON is already a tree: the root object and its first key.
    await waitFor(() => expect(within(tree).getByRole('button', { name: /root \{1 key\}/ })).toBeVisible());
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    simulator.release('default');
    expect(await screen.findByText('The reply matches the schema.')).toBeVisible();
    expect(within(tree).getByRole('button', { name: /root \{3 keys\}/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(within(tree).getByText('city')).toBeVisible();
    await expectNoAxeViolations(container);
  });

  it('points each schema error at its path and shows the node when asked, by keyboard', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    const stricter: JsonSchema = {
      ...TRIP_SCHEMA,
      properties: { ...(TRIP_SCHEMA.properties as object), activities: { type: 'array', maxItems: 0 } },
      required: ['city', 'days', 'activities', 'budget'],
    };
    render(<LiveStructured simulator={simulator} scenario="none" schema={stricter} />);
    expect(await screen.findByText(/breaks the schema in 2 places/)).toBeVisible();
    const user = userEvent.setup();
    const tree = screen.getByRole('region', { name: 'Structured reply' });
    // Close the activities array, then let the issue open it again and focus it.
    await user.click(within(tree).getByRole('button', { name: /activities \[/ }));
    expect(within(tree).getByRole('button', { name: /activities \[/ })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    const show = screen.getByRole('button', { name: 'Show $.activities' });
    show.focus();
    await user.keyboard('{Enter}');
    const node = within(tree).getByRole('button', { name: /activities \[/ });
    await waitFor(() => expect(node).toHaveFocus());
    expect(node).toHaveAccessibleDescription(/at most 0/);
    expect(screen.getByRole('button', { name: 'Show $' })).toBeVisible();
  });

  it('reports a reply cut by the content filter as JSON that does not parse', async () => {
    const simulator = createSimulator({ tokenDelayMs: 0 });
    render(<LiveStructured simulator={simulator} scenario="content-filter;after=5" />);
    expect(await screen.findByText(/breaks the schema in 1 place/)).toBeVisible();
    expect(screen.getByText('is not valid JSON')).toBeVisible();
  });

  it('lists a path and its ancestors', () => {
    expect(ancestorsOf('$.trip.days[2].name')).toEqual([
      '$',
      '$.trip',
      '$.trip.days',
      '$.trip.days[2]',
      '$.trip.days[2].name',
    ]);
  });
});
