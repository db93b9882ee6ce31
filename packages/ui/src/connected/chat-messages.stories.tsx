import { createParleyClient } from '@parley/client';
import type { ChatStoreOptions, ChatTool } from '@parley/client/chat';
import { createSimulatorFetch } from '@parley/mock-server/browser';
import { useChatStore } from '@parley/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, waitFor, within } from 'storybook/test';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './chat-messages.usage.tsx?raw';
import * as Chat from './chat-parts.ts';

interface LiveChatProps {
  /** The simulator's model: echo, reasoner, tool-caller... */
  model: string;
  question: string;
  options?: Partial<ChatStoreOptions>;
}

function AskButton({ question }: { question: string }) {
  const store = useChatStore();
  return (
    <button type="button" onClick={() => void store.send(question)}>
      Ask: {question}
    </button>
  );
}

// The simulator runs in the page: no server, no network, the same streams as over HTTP. The options
// are read at each send, so the model and question controls apply to the next question.
function LiveChat({ model, question, options }: LiveChatProps) {
  const client = React.useMemo(
    () =>
      createParleyClient({
        baseURL: 'https://parley.local/api/v1',
        fetch: createSimulatorFetch({ tokenDelayMs: 8 }),
      }),
    [],
  );
  return (
    <Chat.Root options={{ client, model, ...options }} style={{ display: 'grid', gap: 8, height: 'auto' }}>
      <AskButton question={question} />
      <Chat.Messages style={{ height: 560 }} />
    </Chat.Root>
  );
}

const meta = {
  title: 'Connected/Chat.Messages',
  component: LiveChat,
  parameters: {
    docs: {
      description: usageDescription(
        "A chat's conversation, connected to its store: virtualised, following the stream, with actions, tool approvals and versions.",
        usage,
      ),
    },
  },
  args: { model: 'parley/echo', question: 'Show me some markdown, please' },
} satisfies Meta<typeof LiveChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const finished = (article: HTMLElement | undefined) =>
  expect(article).toHaveAttribute('data-status', 'complete');
// The newest reply: after a tool round or a retry, earlier assistant messages are on screen too.
const lastReply = (canvas: ReturnType<typeof within>) =>
  canvas.getAllByRole('article', { name: 'Assistant message' }).at(-1);

/** A reply streamed live from the in-page simulator, rendered as markdown and announced once done. */
export const LiveReply: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Ask:/ }));
    const reply = await canvas.findByRole('article', { name: 'Assistant message' }, { timeout: 10_000 });
    await waitFor(() => finished(reply), { timeout: 15_000 });
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/^Assistant replied:/));
  },
};

/** A reasoning model: "Thinking…" while it reasons, then "Thought for N s" above the answer. */
export const Reasoning: Story = {
  args: { model: 'parley/reasoner', question: 'What is 6 times 7?' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Ask:/ }));
    const reply = await canvas.findByRole('article', { name: 'Assistant message' }, { timeout: 10_000 });
    await waitFor(() => finished(reply), { timeout: 15_000 });
    await expect(within(reply).getByRole('button', { name: /^Thought for \d+ s$/ })).toBeVisible();
  },
};

const tools: Record<string, ChatTool> = {
  get_weather: {
    description: 'The current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: (args) => ({ city: (args as { city: string }).city, temperature: 21, sky: 'clear' }),
  },
};

/** A tool round: the call streams its arguments, runs, and the model answers from the result. */
export const ToolRound: Story = {
  args: { model: 'parley/tool-caller', question: 'What is the weather in Lisbon?', options: { tools } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Ask:/ }));
    const call = await canvas.findByRole('group', { name: 'Tool call: get_weather' }, { timeout: 10_000 });
    await waitFor(() => expect(within(call).getByText('Done')).toBeVisible(), { timeout: 15_000 });
    await waitFor(() => finished(lastReply(canvas)), { timeout: 15_000 });
  },
};

/** The provider fails mid-stream: the partial reply stays, with the error and Retry. */
export const ErrorMidStream: Story = {
  args: {
    question: 'Tell me something long',
    options: { params: { metadata: { parley_scenario: 'error-mid-stream;after=8;times=1;key=story' } } },
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: /^Ask:/ }));
    const reply = await canvas.findByRole('article', { name: 'Assistant message' }, { timeout: 10_000 });
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'error'), { timeout: 15_000 });
    await userEvent.click(within(reply).getByRole('button', { name: 'Retry' }));
    await waitFor(() => finished(lastReply(canvas)), { timeout: 15_000 });
  },
};
