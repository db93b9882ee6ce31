import { createParleyClient } from '@parley/client';
import { createSimulatorFetch } from '@parley/mock-server/browser';
import { ParleyProvider } from '@parley/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './chat-model-settings.usage.tsx?raw';
import * as Chat from './chat-parts.ts';

/** A chat with its model settings beside it, on the simulator running in the page. */
function ChatWithSettings({ scenario }: { scenario?: string }) {
  const [client] = React.useState(() =>
    createParleyClient({
      baseURL: 'https://parley.local/api/v1',
      fetch: createSimulatorFetch({ tokenDelayMs: 4 }),
      maxRetries: 0,
    }),
  );
  return (
    <ParleyProvider client={client}>
      <Chat.Root
        options={{
          model: 'parley/echo',
          params: scenario ? { metadata: { parley_scenario: scenario } } : {},
        }}
        // Side by side on a desktop; on a phone the settings go under the chat.
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 22rem), 1fr))',
          gap: 16,
        }}
      >
        <div style={{ display: 'grid', gridTemplateRows: 'auto minmax(0, 1fr) auto', height: 640 }}>
          <Chat.ModelPicker mode="chain" />
          <Chat.Messages />
          <Chat.Composer />
        </div>
        <div style={{ maxHeight: 900, overflowY: 'auto', display: 'grid', gap: 16, alignContent: 'start' }}>
          <Chat.ProviderPrefs />
          <Chat.ParametersPanel />
        </div>
      </Chat.Root>
    </ParleyProvider>
  );
}

const meta = {
  title: 'Connected/ModelSettings',
  component: ChatWithSettings,
  parameters: {
    docs: {
      description: usageDescription(
        'The model picker, routing preferences and parameters of a chat, connected to its preferences: the next request sends what they say.',
        usage,
      ),
    },
  },
} satisfies Meta<typeof ChatWithSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const LONG = { timeout: 15_000 };

/** Pick a fallback chain and routing; the reply says which model and provider served it, and which failed first. */
export const FallbackAndServedBy: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole('button', { name: /^Model: / }));
    await userEvent.click(await page.findByRole('option', { name: /Parley: Structured/ }, LONG));
    await userEvent.click(page.getByRole('option', { name: /Parley: Echo/ }));
    await userEvent.keyboard('{Escape}');
    await userEvent.type(canvas.getByLabelText('Provider to add to Only these'), 'Parley{Enter}');
    await userEvent.type(canvas.getByLabelText('Provider to add to Only these'), 'Mynah{Enter}');
    await userEvent.selectOptions(canvas.getByLabelText('Sort providers by'), 'latency');
    await expect(canvas.getByText(/^Quickest to answer first; only Parley, Mynah\.$/)).toBeVisible();
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    const reply = () => canvas.getAllByRole('article', { name: 'Assistant message' }).at(-1);
    await waitFor(() => expect(reply()).toHaveAttribute('data-status', 'complete'), LONG);
    // Mynah answers before Parley (180 ms against 420 ms).
    await expect(reply()).toHaveTextContent('parley/structured via Mynah');
  },
};

/** The first model fails on every provider: the reply names the attempts before the fallback that served. */
export const FallbackAfterFailure: Story = {
  args: { scenario: 'server-error;model=parley/structured' },
  play: async ({ canvas, canvasElement, userEvent }) => {
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole('button', { name: /^Model: / }));
    await userEvent.click(await page.findByRole('option', { name: /Parley: Structured/ }, LONG));
    await userEvent.click(page.getByRole('option', { name: /Parley: Echo/ }));
    await userEvent.keyboard('{Escape}');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}');
    const reply = () => canvas.getAllByRole('article', { name: 'Assistant message' }).at(-1);
    await waitFor(() => expect(reply()).toHaveAttribute('data-status', 'complete'), LONG);
    await expect(reply()).toHaveTextContent(
      /parley\/echo via \w+ \(after parley\/structured via \w+ failed \(500\)/,
    );
  },
};

/** A text-only model offers no Attach or Record; a vision model offers Attach. */
export const ModalitiesFollowTheModel: Story = {
  play: async ({ canvas, canvasElement, userEvent }) => {
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(canvas.getByRole('button', { name: /^Model: / }));
    await userEvent.click(await page.findByRole('option', { name: /Parley: Vision/ }, LONG));
    await userEvent.keyboard('{Escape}');
    await expect(await canvas.findByRole('button', { name: 'Attach' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove Parley: Vision' }));
    await userEvent.click(canvas.getByRole('button', { name: /^Model: / }));
    await userEvent.click(await page.findByRole('option', { name: /Parley: Echo/ }, LONG));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Attach' })).toBeNull());
    await expect(canvas.getByLabelText('Reasoning effort')).toBeDisabled();
  },
};
