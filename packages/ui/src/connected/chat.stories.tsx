import { createParleyClient, type Modality } from '@parley/client';
import type { ChatTool } from '@parley/client/chat';
import { createSimulatorFetch } from '@parley/mock-server/browser';
import type { Meta, StoryObj } from '@storybook/react-vite';
import * as React from 'react';
import { expect, fireEvent, waitFor, within } from 'storybook/test';
import { pngFile, wavFile } from '../__fixtures__/files.ts';
import { usageDescription } from '../__fixtures__/usage-docs.ts';
import usage from './chat.usage.tsx?raw';
import * as Chat from './chat-parts.ts';

interface SimulatedChatProps {
  /** The simulator's model: echo, reasoner, tool-caller, vision. */
  model: string;
  /** A failure to inject (`x-parley-scenario` grammar), such as `rate-limit;times=1;key=story`. */
  scenario?: string;
  tools?: Record<string, ChatTool>;
  acceptedModalities?: readonly Modality[];
  /** The client's automatic retries (2 by default). */
  maxRetries?: number;
  parallelToolCalls?: boolean;
}

// The simulator runs in the page: no server, no network, the same streams as over HTTP. Each
// story mounts its own, so a `times=1` failure fails once per visit. The options are passed to
// `Chat.Root` on every render and read when a message is sent: a control changed in Storybook
// (the model, the scenario, the tools) applies to the next message, without losing the conversation.
function SimulatedChat({
  model,
  scenario,
  tools,
  acceptedModalities,
  maxRetries,
  parallelToolCalls,
}: SimulatedChatProps) {
  const client = React.useMemo(
    () =>
      createParleyClient({
        baseURL: 'https://parley.local/api/v1',
        fetch: createSimulatorFetch({ tokenDelayMs: 8 }),
        maxRetries,
      }),
    [maxRetries],
  );
  return (
    <Chat.Root
      options={{
        client,
        model,
        ...(tools ? { tools } : {}),
        params: {
          ...(scenario ? { metadata: { parley_scenario: scenario } } : {}),
          ...(parallelToolCalls === undefined ? {} : { parallel_tool_calls: parallelToolCalls }),
        },
      }}
      acceptedModalities={acceptedModalities}
    />
  );
}

const meta = {
  title: 'Connected/Chat',
  component: SimulatedChat,
  args: { model: 'parley/echo', acceptedModalities: ['text'] },
  argTypes: {
    model: {
      control: 'select',
      options: ['parley/echo', 'parley/reasoner', 'parley/tool-caller', 'parley/vision'],
      description: 'The model the next message is sent to (the simulator answers as that model).',
    },
  },
  parameters: {
    parleyFill: true,
    docs: {
      description: usageDescription(
        'The whole chat in one tag, or its parts arranged by the app. Options are read at each send, so the model picked here is the one the next message uses.',
        usage,
      ),
      story: { inline: false, height: '640px' },
    },
  },
} satisfies Meta<typeof SimulatedChat>;

export default meta;
type Story = StoryObj<typeof meta>;

type Canvas = ReturnType<typeof within>;
const LONG = { timeout: 15_000 };

function lastReply(canvas: Canvas): HTMLElement | undefined {
  return canvas.queryAllByRole('article', { name: 'Assistant message' }).at(-1);
}

async function replyCompletes(canvas: Canvas) {
  await waitFor(() => expect(lastReply(canvas)).toHaveAttribute('data-status', 'complete'), LONG);
}

/** A plain conversation: Enter sends, Stop shows while the reply streams, focus stays in the draft. */
export const Conversation: Story = {
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Hello! Show me a short list, please.{Enter}');
    await expect(await canvas.findByRole('button', { name: 'Stop' })).toBeVisible();
    await replyCompletes(canvas);
    await expect(input).toHaveFocus();
    // Rows load their parts on demand: the first row may still be arriving on a cold page.
    await expect(await canvas.findByRole('article', { name: 'Your message' }, LONG)).toHaveTextContent(
      'Show me a short list',
    );
  },
};

/** A reasoning model: its reasoning streams first, then "Thought for N s" above the answer. */
export const Reasoning: Story = {
  args: { model: 'parley/reasoner' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'What is 6 times 7?{Enter}');
    await replyCompletes(canvas);
    await expect(
      within(lastReply(canvas)!).getByRole('button', { name: /^Thought for \d+ s$/ }),
    ).toBeVisible();
  },
};

const tools: Record<string, ChatTool> = {
  get_weather: {
    description: 'The current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: (args) => ({ city: (args as { city: string }).city, temperature: 21, sky: 'clear' }),
  },
  get_local_time: {
    description: 'The local time in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    execute: (args) => ({ city: (args as { city: string }).city, time: '14:05' }),
  },
};

/** Tool rounds: the model calls one tool per round, each runs in the page, then it answers from the results. */
export const ToolRounds: Story = {
  args: { model: 'parley/tool-caller', tools, parallelToolCalls: false },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Message' }),
      'What is the weather in Lisbon, and the local time there?{Enter}',
    );
    const weather = await canvas.findByRole('group', { name: 'Tool call: get_weather' }, LONG);
    const time = await canvas.findByRole('group', { name: 'Tool call: get_local_time' }, LONG);
    await waitFor(() => expect(within(weather).getByText('Done')).toBeVisible(), LONG);
    await waitFor(() => expect(within(time).getByText('Done')).toBeVisible(), LONG);
    await replyCompletes(canvas);
    await expect(canvas.getAllByRole('article', { name: 'Assistant message' }).length).toBeGreaterThan(2);
  },
};

const approvalTools: Record<string, ChatTool> = {
  send_email: {
    description: "Send an email on the person's behalf",
    parameters: {
      type: 'object',
      properties: { to: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } },
      required: ['to', 'subject', 'body'],
    },
    needsApproval: true,
    execute: (args) => ({ sent: true, to: (args as { to: string }).to }),
  },
};

/** A tool that acts for the person pauses for approval: nothing runs until they press Approve. */
export const ToolApproval: Story = {
  args: { model: 'parley/tool-caller', tools: approvalTools },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Message' }),
      'Email the team that the release is out{Enter}',
    );
    const call = await canvas.findByRole('group', { name: 'Tool call: send_email' }, LONG);
    const approve = await within(call).findByRole('button', { name: 'Approve' }, LONG);
    await expect(within(call).getByText('Needs approval')).toBeVisible();
    await expect(within(call).getByRole('figure', { name: 'Arguments' })).toHaveTextContent('"to"');
    await userEvent.click(approve);
    await waitFor(() => expect(within(call).getByText('Done')).toBeVisible(), LONG);
    await replyCompletes(canvas);
  },
};

/** A multimodal model: an image and an audio clip dropped on the composer go with the question. */
export const Images: Story = {
  args: { model: 'parley/vision', acceptedModalities: ['text', 'image', 'audio', 'video'] },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(pngFile('chart.png'));
    dataTransfer.items.add(wavFile('question.wav'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      fireEvent(input, new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
    }
    await expect(canvas.getByRole('list', { name: 'Attachments' }).querySelectorAll('li')).toHaveLength(2);
    await userEvent.type(input, 'What did I send you?{Enter}');
    const sent = await canvas.findByRole('article', { name: 'Your message' });
    await expect(await within(sent).findByRole('img', { name: 'chart.png' })).toBeVisible();
    await replyCompletes(canvas);
    await expect(canvas.queryByRole('list', { name: 'Attachments' })).toBeNull();
  },
};

/** Rate limited once (429): the notice counts down to the client's automatic retry, then the reply comes. */
export const RateLimitThenSuccess: Story = {
  args: { scenario: 'rate-limit;retry-after=2;times=1;key=story' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Are you busy?{Enter}');
    const timer = await canvas.findByRole('timer', {}, LONG);
    await expect(timer).toHaveTextContent(/Retrying (automatically in \d seconds?|now) \(retry 1\)/);
    await expect(timer.closest('[data-slot="error-notice"]')).toHaveTextContent('Rate limited');
    await replyCompletes(canvas);
    await expect(canvas.queryByRole('timer')).toBeNull();
  },
};

/** The provider fails mid-stream: the partial reply stays, the finish notice explains, Retry streams a new one. */
export const ErrorMidStream: Story = {
  args: { scenario: 'error-mid-stream;after=8;times=1;key=story' },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Tell me something long{Enter}');
    const alert = await canvas.findByRole('alert', {}, LONG);
    await expect(alert).toHaveTextContent('The reply ended with an error before it was complete.');
    await expect(canvas.getAllByRole('alert')).toHaveLength(1);
    await expect(lastReply(canvas)).toHaveAttribute('data-status', 'error');
    // The notice sits where the reply ends; its Retry is beside the announced message.
    const notice = alert.closest('[data-slot="finish-notice"]') as HTMLElement;
    await userEvent.click(within(notice).getByRole('button', { name: 'Retry' }));
    await replyCompletes(canvas);
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(input).toHaveFocus();
  },
};

/** The connection drops mid-reply: what arrived is kept and the notice offers Retry. */
export const ConnectionDrop: Story = {
  args: { scenario: 'drop;after=6;times=1;key=story' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Keep talking{Enter}');
    const alert = await canvas.findByRole('alert', {}, LONG);
    await expect(alert).toHaveTextContent(/The reply was cut off|Cannot reach the server/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await replyCompletes(canvas);
  },
};

/** The send fails before any reply (500, no automatic retry): the draft comes back, and sending it again works. */
export const FailedSendKeepsDraft: Story = {
  args: { scenario: 'server-error;times=1;key=story', maxRetries: 0 },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(input, 'Please do not lose this{Enter}');
    await expect(await canvas.findByRole('alert', {}, LONG)).toHaveTextContent('The provider had a problem');
    await waitFor(() => expect(input).toHaveValue('Please do not lose this'));
    await userEvent.type(input, '{Enter}');
    await replyCompletes(canvas);
    await expect(canvas.getAllByRole('article', { name: 'Your message' })).toHaveLength(1);
    await expect(input).toHaveValue('');
  },
};
